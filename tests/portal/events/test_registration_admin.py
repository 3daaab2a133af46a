"""Registrations in the admin: the list per event, attendance, cancelling, writing, export."""

import csv
import io

import openpyxl
import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from companies.models import ContactDataView
from portal.common.exports import verbose_name
from portal.events import registration_resources as resources
from portal.events.admin_registrations import RegistrationAdmin
from portal.events.models import Registration
from tests.portal.events.registrations import make_event, registered

pytestmark = pytest.mark.django_db

Status = Registration.Status
MANAGE = [
    "events.view_registration",
    "events.change_registration",
    "events.export_registration",
    "events.view_event",
]
LIST = "admin:events_registration_changelist"


def staff(client, permissions=MANAGE, username="editor"):
    user = User.objects.create_user(username, f"{username}@urzad.example", "pass", is_staff=True)
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    client.force_login(user)
    return user


@pytest.fixture
def full_workshop():
    """A workshop of two places: a Hungarian and a Pole in them, a German and an
    Italian waiting (in that order), and another event's registrant."""
    event = make_event(capacity=2)
    registered(event, email="eva@tej.example", language="hu", name="Kovács Éva")
    registered(event, email="jan@mleko.example", language="pl", name="Jan Nowak")
    registered(event, email="klaus@kaese.example", language="de", name="Klaus Berger")
    registered(event, email="marco@latte.example", language="it", name="Marco Bianchi")
    other = make_event(slug="konferencja", title_pl="Konferencja w Mediolanie")
    registered(other, email="petr@mleko.example", language="cs", name="Petr Novák")
    mail.outbox.clear()
    return event


def action(client, name, registrations, **data):
    return client.post(
        reverse(LIST),
        {"action": name, "_selected_action": [r.pk for r in registrations], **data},
    )


def test_the_list_per_event_shows_its_registrants_and_logs_the_view(client, full_workshop):
    user = staff(client)

    response = client.get(reverse(LIST), {"event__id__exact": full_workshop.pk})

    page = response.content.decode()
    assert response.status_code == 200
    for name in ("Kovács Éva", "Jan Nowak", "Klaus Berger", "Marco Bianchi"):
        assert name in page
    assert "Petr Novák" not in page
    [view] = ContactDataView.objects.all()
    assert (view.user, view.username) == (user, "editor")
    assert f"event__id__exact={full_workshop.pk}" in view.path


def test_one_registration_page_is_logged(client, full_workshop):
    staff(client)
    registration = Registration.objects.get(email="klaus@kaese.example")

    response = client.get(reverse("admin:events_registration_change", args=[registration.pk]))

    assert response.status_code == 200
    assert "klaus@kaese.example" in response.content.decode()
    assert ContactDataView.objects.filter(path__contains=f"/{registration.pk}/").count() == 1


def test_without_permission_the_registrations_are_hidden(client, full_workshop):
    staff(client, permissions=["events.view_event"], username="translator")

    assert client.get(reverse(LIST)).status_code == 403
    assert not ContactDataView.objects.exists()


def test_attendance_is_marked_and_logged(client, full_workshop):
    user = staff(client)
    came = list(Registration.objects.filter(email__in=["eva@tej.example", "jan@mleko.example"]))

    action(client, "mark_attended", came)
    action(client, "mark_not_attended", came[:1])

    attended = dict(Registration.objects.values_list("email", "attended"))
    assert attended["eva@tej.example"] is False
    assert attended["jan@mleko.example"] is True
    assert attended["klaus@kaese.example"] is None
    assert LogEntry.objects.filter(user=user, object_id=str(came[1].pk)).count() == 1


def test_staff_cancelling_promotes_the_first_waiting_in_their_own_language(
    client, full_workshop, django_capture_on_commit_callbacks
):
    user = staff(client)
    translation.activate("pl")  # the staff member's language is not the e-mail's
    eva = Registration.objects.get(email="eva@tej.example")

    with django_capture_on_commit_callbacks(execute=True):
        action(client, "cancel_registrations", [eva])

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["eva@tej.example"] == Status.CANCELLED
    assert statuses["klaus@kaese.example"] == Status.CONFIRMED
    assert statuses["marco@latte.example"] == Status.WAITING
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"eva@tej.example", "klaus@kaese.example"}
    with translation.override("de"):
        assert by_address["klaus@kaese.example"].subject == gettext(
            "A place is free for you: %(title)s"
        ) % {"title": "Käserei-Workshop"}
    assert LogEntry.objects.get(user=user, object_id=str(eva.pk)).change_message == "Cancelled."


def test_writing_to_the_registrants_sends_each_in_their_language_and_logs_it(client, full_workshop):
    user = staff(client)
    chosen = list(Registration.objects.filter(event=full_workshop))
    Registration.objects.filter(email="marco@latte.example").update(status=Status.CANCELLED)

    form = action(client, "write_to_registrants", chosen)
    assert form.status_code == 200
    assert "Klaus Berger" in form.content.decode()
    assert mail.outbox == []

    action(
        client,
        "write_to_registrants",
        chosen,
        apply="1",
        subject="Zmiana sali",
        message="Warsztaty odbędą się w sali 204.",
    )

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"eva@tej.example", "jan@mleko.example", "klaus@kaese.example"}
    german = by_address["klaus@kaese.example"]
    assert german.subject == "Zmiana sali – Käserei-Workshop"
    assert "Warsztaty odbędą się w sali 204." in german.body
    with translation.override("de"):
        assert gettext("Hello %(name)s,") % {"name": "Klaus Berger"} in german.body
    assert "/de/events/registration/cancel/" in german.body
    assert "/hu/events/registration/cancel/" in by_address["eva@tej.example"].body
    logged = LogEntry.objects.filter(user=user, change_message="E-mail sent: Zmiana sali")
    assert logged.count() == 3


def test_a_message_with_a_nul_byte_is_refused_with_a_message(client, full_workshop):
    staff(client)

    response = action(
        client,
        "write_to_registrants",
        list(Registration.objects.all()),
        apply="1",
        subject="Zmiana\x00",
        message="Sala 204.",
    )

    assert response.status_code == 200
    assert "subject" in response.context["form"].errors
    assert mail.outbox == []


@pytest.mark.parametrize("file_format", ["0", "1"])
def test_staff_who_manage_registrations_export_them_with_personal_data(
    client, full_workshop, file_format
):
    staff(client)

    response = client.post(
        reverse("admin:events_registration_export") + f"?event__id__exact={full_workshop.pk}",
        {"format": file_format},
    )

    assert response.status_code == 200
    if response["Content-Type"].startswith("text/csv"):
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    headers, *records = rows
    assert len(records) == 4
    assert "Kovács Éva" in {cell for row in records for cell in row}
    assert "eva@tej.example" in {cell for row in records for cell in row}
    assert len(headers) == len(records[0])


def test_without_the_export_permission_nothing_is_exported(client, full_workshop):
    staff(client, permissions=["events.view_registration"], username="moderator")

    response = client.post(reverse("admin:events_registration_export"), {"format": "0"})

    assert response.status_code == 403


def test_the_export_leaves_personal_data_out_for_those_who_may_not_read_registrations():
    user = User.objects.create_user("clerk", is_staff=True)
    request = RequestFactory().get("/")
    request.user = user
    model_admin = RegistrationAdmin(Registration, admin.site)

    assert model_admin.get_export_resource_classes(request) == [resources.RegistrationResource]
    headers = resources.RegistrationResource().get_export_headers()
    for name in ("name", "email", "phone", "needs"):
        assert str(verbose_name(Registration, name)) not in headers
    personal = resources.RegistrationWithPersonResource().get_export_headers()
    assert str(verbose_name(Registration, "email")) in personal


def test_editors_and_administrators_may_export_registrations(roles):
    for role in ("editor", "administrator"):
        assert (
            Group.objects.get(name=role).permissions.filter(codename="export_registration").exists()
        )
    for role in ("moderator", "translator"):
        assert (
            not Group.objects.get(name=role)
            .permissions.filter(codename="export_registration")
            .exists()
        )
