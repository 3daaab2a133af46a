"""The members in the admin: the list, deactivating and reactivating, inviting a contact person."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from companies.models import ContactPerson
from portal.members.models import Member
from tests.factories import ContactPersonFactory
from tests.helpers import sign_in
from tests.portal.members.conftest import code_in, request_code, sign_in_member

pytestmark = pytest.mark.django_db

LIST = "/pl/admin/members/member/"


@pytest.fixture
def administrator(client, roles):
    sign_in(client, "administrator")
    return get_user_model().objects.get(username="administrator")


def run(client, action, *members):
    return client.post(LIST, {"action": action, "_selected_action": [m.pk for m in members]})


def test_list_shows_kind_organisation_country_language_and_last_sign_in(
    client, administrator, contact_member, partner, django_assert_num_queries
):
    get_user_model().objects.filter(pk=partner.user_id).update(
        last_login=timezone.make_aware(timezone.datetime(2026, 11, 3, 9, 30))
    )
    client.get(LIST)

    with django_assert_num_queries(8):
        response = client.get(LIST)

    content = response.content.decode()
    assert "Mleczarnia Podlaska" in content and "Polska" in content
    assert "Officine Rossi" in content and "Włochy" in content
    assert "partner" in content and "osoba kontaktowa zarejestrowanej organizacji" in content
    assert "3 listopada 2026 09:30" in content
    assert "Zaproś osobę kontaktową" in content


def test_list_search_and_filters(client, administrator, contact_member, partner):
    found = client.get(LIST, {"q": "rossi"}).context["cl"].result_list
    assert list(found) == [partner]
    found = client.get(LIST, {"q": "Mleczarnia"}).context["cl"].result_list
    assert list(found) == [contact_member]
    found = client.get(LIST, {"kind": "partner"}).context["cl"].result_list
    assert list(found) == [partner]
    partner.user.is_active = False
    partner.user.save()
    assert list(client.get(LIST, {"active": "no"}).context["cl"].result_list) == [partner]
    assert list(client.get(LIST, {"active": "yes"}).context["cl"].result_list) == [contact_member]


def test_a_deactivated_member_has_no_session_and_gets_no_code(
    client, administrator, partner, django_capture_on_commit_callbacks
):
    member_client = sign_in_member(type(client)(), partner)
    assert member_client.get("/it/account/").status_code == 200

    response = run(client, "deactivate", partner)

    assert response.status_code == 302
    assert "Dezaktywowano 1 członka" in client.get(LIST).content.decode()
    partner.user.refresh_from_db()
    assert not partner.user.is_active
    entry = LogEntry.objects.get(object_id=str(partner.pk))
    assert (entry.user, entry.change_message) == (
        administrator,
        "Deactivated: no sign-in until reactivated.",
    )
    # Its session ends; a code asked for is never sent to it.
    assert member_client.get("/it/account/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        request_code(type(client)(), partner.user.email)
    assert all("AAAA" not in m.body and not code_like(m) for m in mail.outbox)

    # Reactivated, it gets a code again.
    run(client, "reactivate", partner)
    partner.user.refresh_from_db()
    assert partner.user.is_active
    assert LogEntry.objects.filter(
        object_id=str(partner.pk), change_message="Reactivated."
    ).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request_code(type(client)(), partner.user.email)
    assert code_in(mail.outbox[-1])


def code_like(message):
    try:
        code_in(message)
    except AssertionError:
        return False
    return True


def test_deactivating_twice_logs_once(client, administrator, partner):
    run(client, "deactivate", partner)
    run(client, "deactivate", partner)

    assert LogEntry.objects.filter(object_id=str(partner.pk)).count() == 1


def test_inviting_a_contact_person(client, administrator, django_capture_on_commit_callbacks):
    contact = ContactPersonFactory(
        first_name="Tomasz",
        email="tomasz@serowarnia.example",
        language="hu",
        organisation__name="Serowarnia Narwiańska",
    )
    assert contact.email_confirmed_at is None
    url = reverse("admin:members_member_invite")
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "Tomasz@Serowarnia.example"})

    assert response.status_code == 302
    assert "Zaproszenie wysłane do tomasz@serowarnia.example" in client.get(LIST).content.decode()
    contact.refresh_from_db()
    assert contact.email_confirmed_at is not None
    entry = LogEntry.objects.get(object_id=str(contact.pk))
    assert (entry.user, entry.change_message) == (administrator, "Invited to become a member.")
    [invitation] = mail.outbox
    assert invitation.to == ["tomasz@serowarnia.example"]
    assert invitation.subject == "Meghívó a podlasiei klaszterek portáljára"
    assert "Jó napot, Tomasz!" in invitation.body
    assert "http://testserver/hu/account/sign-in/" in invitation.body

    # The first code asked for makes the account.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request_code(type(client)(), "tomasz@serowarnia.example", language="hu")
    member = Member.objects.get(contact=contact)
    assert member.language == "hu"
    assert code_in(mail.outbox[-1])


def test_inviting_an_unknown_address_or_a_member_says_why(client, administrator, contact_member):
    url = reverse("admin:members_member_invite")

    for email in ("nikt@nigdzie.example", contact_member.user.email, "\x00@x"):
        response = client.post(url, {"email": email})
        assert response.status_code == 200
        assert mail.outbox == []
    assert (
        "Żadna osoba kontaktowa bez konta członka nie ma tego adresu."
        in client.post(url, {"email": "nikt@nigdzie.example"}).content.decode()
    )
    assert not ContactPerson.objects.filter(email="nikt@nigdzie.example").exists()
