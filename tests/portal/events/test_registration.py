"""Registering for an event: the form, the double opt-in, the waiting list, cancelling."""

import datetime
import sys
import types

import icalendar
import pytest
from django.contrib.auth.models import User
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from companies.models import ContactPerson
from portal.common.humans import HONEYPOT_FIELD
from portal.events import registration_links as links
from portal.events import registration_services as services
from portal.events.models import Event, Registration
from tests.factories import OrganisationFactory
from tests.helpers import count_queries
from tests.portal.events.registrations import (
    DAY,
    answers,
    link_in,
    make_event,
    register,
    registered,
)

pytestmark = pytest.mark.django_db

Status = Registration.Status


def url(name, language="hu", **kwargs):
    with translation.override(language):
        return reverse(f"events:{name}", kwargs=kwargs)


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


# The form -------------------------------------------------------------------------


def test_the_form_makes_an_unconfirmed_registration_and_mails_a_link_in_the_page_language(
    client, django_capture_on_commit_callbacks
):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("register", slug=event.slug), answers())

    assert response.status_code == 302
    assert response["Location"] == url("registration_sent", slug=event.slug)
    registration = Registration.objects.get()
    assert (registration.status, registration.language, registration.email) == (
        Status.UNCONFIRMED,
        "hu",
        "eva.kovacs@tej.example",
    )
    assert (registration.name, registration.organisation_name, registration.country.code) == (
        "Kovács Éva",
        "Alföldi Tejfeldolgozó Kft.",
        "HU",
    )
    assert str(registration.phone) == "+36301234567"
    assert registration.needs == "Vegetáriánus étel"
    assert registration.consent_version == services.CONSENT_VERSION
    assert abs(registration.consented_at - timezone.now()) < datetime.timedelta(minutes=1)
    assert services.places_taken(event) == 0  # unconfirmed: no place held
    [message] = mail.outbox
    assert message.to == ["eva.kovacs@tej.example"]
    assert "Sajtkészítő műhely" in message.subject
    with translation.override("hu"):
        assert message.subject.startswith(gettext("Confirm your registration: %(title)s")[:8])
    assert link_in(message, "confirm").startswith("/hu/")
    assert link_in(message, "cancel").startswith("/hu/")

    page = client.get(response["Location"]).content.decode()
    assert "eva.kovacs@tej.example" in page


def test_posted_twice_makes_one_registration_and_says_so(
    client, django_capture_on_commit_callbacks
):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("register", slug=event.slug), answers())
        again = client.post(
            url("register", slug=event.slug), answers(email="EVA.Kovacs@tej.example")
        )

    assert Registration.objects.count() == 1
    assert again.status_code == 200
    page = again.content.decode()
    assert "registration-exists" in page
    with translation.override("hu"):
        assert gettext("You are already registered") in page
    # The link went out again: two e-mails, both to the same address.
    assert [message.to for message in mail.outbox] == [["eva.kovacs@tej.example"]] * 2


def test_an_address_already_confirmed_is_told_so_without_a_new_email(client):
    event = make_event()
    registered(event, email="eva.kovacs@tej.example")
    mail.outbox.clear()

    response = client.post(url("register", slug=event.slug), answers())

    assert Registration.objects.count() == 1
    kept = "Your place is kept. The e-mails we sent you have a link to cancel the registration."
    assert in_language("hu", kept) in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"registration_deadline": timezone.now() - DAY}, "The deadline for registering"),
        ({"registration_open": False}, "Registration for this event is closed."),
        ({"status": Event.Status.CANCELLED}, "This event has been cancelled."),
        ({"starts_in": -DAY}, "This event has already taken place or has begun."),
    ],
)
def test_a_closed_event_refuses_politely_in_the_page_language(client, fields, message):
    event = make_event(**fields)

    shown = client.get(url("register", slug=event.slug))
    posted = client.post(url("register", slug=event.slug), answers())

    for response in (shown, posted):
        assert response.status_code in (200, 410)
        page = response.content.decode()
        assert "registration-closed" in page
        assert 'name="email"' not in page
        with translation.override("hu"):
            assert gettext("Registration is not possible") in page
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_the_deadline_refusal_is_translated(client):
    event = make_event(registration_deadline=timezone.now() - DAY)

    page = client.post(url("register", slug=event.slug), answers()).content.decode()

    hungarian = in_language("hu", "The deadline for registering for this event has passed.")
    assert hungarian != "The deadline for registering for this event has passed."
    assert hungarian in page


def test_the_service_refuses_after_the_deadline():
    event = make_event(registration_deadline=timezone.now() - datetime.timedelta(minutes=1))

    with pytest.raises(services.RegistrationClosed) as refused:
        register(event, email="late@example.com")

    assert refused.value.reason == services.DEADLINE
    assert Registration.objects.count() == 0


def test_a_draft_event_has_no_registration_page(client):
    event = make_event(status=Event.Status.DRAFT)

    assert client.get(url("register", slug=event.slug)).status_code == 404


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "Éva\x00"}, "name"),
        ({"needs": "x" * 2001}, "needs"),
        ({"email": "not an address"}, "email"),
        ({"phone": "12"}, "phone"),
        ({"consent": ""}, "consent"),
        ({"organisation_name": "o" * 300}, "organisation_name"),
    ],
)
def test_bad_input_is_shown_as_form_errors(client, changes, field):
    event = make_event()

    response = client.post(url("register", slug=event.slug), answers(**changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Registration.objects.count() == 0
    kept = "Kovács Éva" if field != "name" else "Alföldi Tejfeldolgozó Kft."
    assert kept in response.content.decode()  # what was typed is kept


def test_a_robot_filling_the_honeypot_registers_nobody(client):
    event = make_event()

    response = client.post(url("register", slug=event.slug), answers(**{HONEYPOT_FIELD: "x"}))

    assert response.status_code == 200
    assert Registration.objects.count() == 0


def test_a_signed_in_member_finds_the_form_filled_in(client):
    organisation = OrganisationFactory(name="Mleczarnia Narwiańska", country="PL")
    ContactPerson.objects.create(
        organisation=organisation,
        first_name="Jan",
        last_name="Nowak",
        email="jan.nowak@mleczarnia.example",
    )
    user = User.objects.create_user(
        "jan", "jan.nowak@mleczarnia.example", first_name="Jan", last_name="Nowak"
    )
    client.force_login(user)
    event = make_event()

    form = client.get(url("register", "pl", slug=event.slug)).context["form"]

    assert form["name"].value() == "Jan Nowak"
    assert form["email"].value() == "jan.nowak@mleczarnia.example"
    assert form["organisation_name"].value() == "Mleczarnia Narwiańska"
    assert form["country"].value() == "PL"


def test_a_member_registering_is_linked_to_the_account(client):
    user = User.objects.create_user("giulia", "giulia@caseificio.example", first_name="Giulia")
    client.force_login(user)
    event = make_event()

    client.post(url("register", "it", slug=event.slug), answers(email="giulia@caseificio.example"))

    registration = Registration.objects.get()
    assert (registration.user, registration.language) == (user, "it")


def test_an_anonymous_visitor_finds_an_empty_form(client):
    event = make_event()

    form = client.get(url("register", slug=event.slug)).context["form"]

    assert form["name"].value() is None and form["email"].value() is None


def test_the_registration_page_takes_a_fixed_number_of_queries(client):
    event = make_event()
    for number in range(8):
        registered(event, email=f"person{number}@example.com")

    # The event (one query); the page needs nothing else, however many registrations.
    assert count_queries(client, url("register", slug=event.slug)) == 1


def test_the_registration_page_of_a_member_takes_a_fixed_number_of_queries(client):
    user = User.objects.create_user("jan", "jan@example.com", first_name="Jan")
    client.force_login(user)
    event = make_event()
    for number in range(8):
        registered(event, email=f"person{number}@example.com")

    # Session, account, the event, the member's record, a contact person by address.
    assert count_queries(client, url("register", slug=event.slug)) == 5


# Confirming ------------------------------------------------------------------------


def test_following_the_link_asks_then_confirms_and_mails_in_the_registration_language(
    client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, email="eva@tej.example", language="hu")
    confirm = link_in(mail.outbox[0], "confirm")
    mail.outbox.clear()

    shown = client.get(confirm)  # a mail scanner's visit confirms nothing
    registration.refresh_from_db()
    assert registration.status == Status.UNCONFIRMED
    assert in_language("hu", "Confirm my registration") in shown.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm)

    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert registration.confirmed_at is not None
    page = response.content.decode()
    assert "registration-confirmed" in page
    assert in_language("hu", "You are registered") in page
    [message] = mail.outbox
    assert message.to == ["eva@tej.example"]
    assert "Sajtkészítő műhely" in message.subject
    assert link_in(message, "cancel").startswith("/hu/")


def test_confirming_when_full_puts_on_the_waiting_list_with_its_number(
    client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    registered(event, email="first@example.com")
    registered(event, email="second@example.com", language="de")
    with django_capture_on_commit_callbacks(execute=True):
        third = register(event, email="third@example.com", language="de")
    confirm = link_in(mail.outbox[-1], "confirm")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(confirm).content.decode()

    third.refresh_from_db()
    assert third.status == Status.WAITING and third.waiting_since is not None
    assert services.waiting_position(third) == 2
    assert "registration-waiting" in page
    [message] = mail.outbox
    assert message.to == ["third@example.com"]
    assert "Käserei-Workshop" in message.subject
    assert " 2" in message.body  # number 2 on the list


def test_an_unconfirmed_registration_holds_no_place():
    event = make_event(capacity=1)
    register(event, email="slow@example.com")
    quick = registered(event, email="quick@example.com")

    assert quick.status == Status.CONFIRMED
    assert services.places_taken(event) == 1


def test_a_link_used_twice_changes_nothing(client):
    event = make_event(capacity=1)
    registration = register(event, email="eva@tej.example")
    confirm = url("registration_confirm", token=links.confirm_token(registration))
    client.post(confirm)
    mail.outbox.clear()

    again = client.post(confirm)

    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert again.status_code == 200
    assert in_language("hu", "You are registered") in again.content.decode()
    assert mail.outbox == []


# The links' problems -------------------------------------------------------------


@pytest.mark.parametrize("name", ["registration_confirm", "registration_cancel"])
def test_a_forged_link_gets_a_clear_page(client, name):
    event = make_event()
    registration = register(event, email="eva@tej.example")
    token = signing.dumps(registration.pk, salt="someone.else")

    for address in (url(name, token=token), url(name, token="abc"), url(name, token="x" * 300)):
        for response in (client.get(address), client.post(address)):
            assert response.status_code == 400
            assert in_language("hu", "This link is not valid") in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.UNCONFIRMED


def test_a_confirmation_link_cannot_cancel(client):
    registration = registered(make_event(), email="eva@tej.example")

    response = client.post(url("registration_cancel", token=links.confirm_token(registration)))

    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


@pytest.mark.parametrize(
    ("name", "token", "days"),
    [
        ("registration_confirm", links.confirm_token, links.CONFIRM_LINK_DAYS),
        ("registration_cancel", links.cancel_token, links.CANCEL_LINK_DAYS),
    ],
)
def test_an_expired_link_gets_a_clear_page(client, name, token, days, monkeypatch):
    registration = registered(make_event(starts_in=DAY * 500), email="eva@tej.example")
    address = url(name, token=token(registration))
    later = __import__("time").time() + days * 86400 + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    for response in (client.get(address), client.post(address)):
        assert response.status_code == 410
        assert in_language("hu", "This link has expired") in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_a_link_to_a_deleted_registration_gets_a_clear_page(client):
    registration = register(make_event(), email="eva@tej.example")
    address = url("registration_cancel", token=links.cancel_token(registration))
    registration.delete()

    response = client.get(address)

    assert response.status_code == 410
    assert in_language("hu", "This registration no longer exists") in response.content.decode()


# Cancelling and the waiting list ---------------------------------------------------


def test_cancelling_frees_the_place_for_the_first_on_the_waiting_list_in_their_language(
    client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    holder = registered(event, email="eva@tej.example", language="hu")
    now = timezone.now()
    second = registered(event, email="klaus@kaese.example", language="de")
    third = registered(event, email="marco@latte.example", language="it")
    # The German registrant has waited longest, whatever the order of the rows.
    Registration.objects.filter(pk=second.pk).update(waiting_since=now - DAY)
    Registration.objects.filter(pk=third.pk).update(waiting_since=now - DAY * 2)
    cancel = url("registration_cancel", token=links.cancel_token(holder))
    mail.outbox.clear()

    assert client.get(cancel).status_code == 200
    assert Registration.objects.get(pk=holder.pk).status == Status.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel)

    assert "registration-cancelled" in response.content.decode()
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "eva@tej.example": Status.CANCELLED,
        "marco@latte.example": Status.CONFIRMED,  # on the list since the earliest
        "klaus@kaese.example": Status.WAITING,
    }
    assert services.places_taken(event) == 1
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"eva@tej.example", "marco@latte.example"}
    promoted = by_address["marco@latte.example"]
    with translation.override("it"):
        expected = gettext("A place is free for you: %(title)s") % {
            "title": "Warsztaty serowarskie"
        }
    assert promoted.subject == expected
    assert "/it/" in link_in(promoted, "cancel")

    again = client.post(cancel)
    assert in_language("hu", "This registration is already cancelled") in again.content.decode()


def test_cancelling_a_waiting_registration_promotes_nobody():
    event = make_event(capacity=1)
    registered(event, email="a@example.com")
    waiting = registered(event, email="b@example.com")
    third = registered(event, email="c@example.com")

    assert services.registration_cancel(registration=waiting) == []

    third.refresh_from_db()
    assert third.status == Status.WAITING
    assert services.waiting_position(third) == 1


def test_the_same_address_may_register_again_after_cancelling():
    event = make_event()
    first = registered(event, email="eva@tej.example")
    services.registration_cancel(registration=first)

    again = register(event, email="eva@tej.example")

    assert again.pk != first.pk
    assert Registration.objects.filter(email="eva@tej.example").count() == 2


def test_the_registered_email_carries_the_events_calendar_file(
    monkeypatch, django_capture_on_commit_callbacks
):
    """The events pages' calendar module (portal/events/calendar.py) builds the file."""
    calendar_module = types.ModuleType("portal.events.calendar")

    def calendar_of(events, *, language):
        calendar = icalendar.Calendar()
        for event in events:
            component = icalendar.Event()
            component.add("summary", translation.gettext("Hello %(name)s,") + event.slug)
            component.add("x-language", language)
            calendar.add_component(component)
        return calendar

    calendar_module.calendar_of = calendar_of
    monkeypatch.setitem(sys.modules, "portal.events.calendar", calendar_module)
    event = make_event()
    registration = register(event, email="klaus@kaese.example", language="de")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)

    [message] = mail.outbox
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("warsztaty-serowarskie.ics", "text/calendar")
    [component] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(component["X-LANGUAGE"]) == "de"
    assert str(component["SUMMARY"]).startswith("Guten Tag")  # built in German


def test_without_a_calendar_module_the_email_goes_without_the_file(
    monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setitem(sys.modules, "portal.events.calendar", None)  # import fails
    registration = register(make_event(), email="klaus@kaese.example", language="de")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)

    [message] = mail.outbox
    assert message.attachments == []


def test_the_link_pages_take_a_fixed_number_of_queries(client):
    event = make_event(capacity=2)
    for number in range(6):
        registered(event, email=f"person{number}@example.com")
    waiting = Registration.objects.filter(status=Status.WAITING).last()

    confirm = url("registration_confirm", token=links.confirm_token(waiting))
    cancel = url("registration_cancel", token=links.cancel_token(waiting))

    # The registration with its event, and the two counts of its place on the list.
    assert count_queries(client, confirm) == 3
    # The registration with its event.
    assert count_queries(client, cancel) == 1


def test_past_its_rate_an_address_gets_the_429_page(client):
    event = make_event()
    for _number in range(5):
        assert client.post(url("register", slug=event.slug), answers()).status_code in (200, 302)

    response = client.post(url("register", slug=event.slug), answers())

    assert response.status_code == 429
    assert Registration.objects.count() == 1
