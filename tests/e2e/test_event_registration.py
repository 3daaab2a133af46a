"""Browser story of a registration, in Hungarian: register, confirm, calendar, cancel.

A visitor registers for a workshop of one place, follows the confirmation link
from the e-mail, downloads the event's .ics file and cancels through the signed
link; the German registrant waiting behind gets the place and an e-mail in German.
"""

import re
from pathlib import Path

import icalendar
import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from portal.events.models import Registration
from tests.e2e.conftest import axe_violations
from tests.portal.events.registrations import make_event, registered

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VISITOR = "kovacs.eva@tejuzem.example"
GERMAN = "klaus.berger@kaeserei.example"
Status = Registration.Status


def hungarian(text):
    with translation.override("hu"):
        return gettext(text)


def link(message, kind, server):
    match = re.search(rf"{re.escape(server)}/\S+/events/registration/{kind}/\S+/", message.body)
    assert match, message.body
    return match.group(0)


def test_a_hungarian_visitor_registers_confirms_downloads_the_calendar_and_cancels(
    page, live_server, settings
):
    settings.PORTAL_URL = live_server.url
    settings.FORM_MIN_SECONDS = 0
    event = make_event(capacity=1)

    # The form, in Hungarian.
    page.goto(f"{live_server.url}/hu/events/{event.slug}/register/")
    expect(page.locator("html")).to_have_attribute("lang", "hu")
    expect(page.locator("h1")).to_have_text(hungarian("Register for an event"))
    expect(page.locator("#event-heading span[lang='hu']")).to_have_text("Sajtkészítő műhely")
    page.locator("#id_name").fill("Kovács Éva")
    page.locator("#id_organisation_name").fill("Alföldi Tejüzem Kft.")
    page.locator("#id_country").select_option("HU")
    page.locator("#id_email").fill(VISITOR)
    page.locator("#id_phone").fill("+36 30 123 4567")
    page.locator("#id_needs").fill("Vegetáriánus ebéd")
    page.locator("#id_consent").check()
    form_violations = axe_violations(page)
    page.locator("form button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"/hu/events/{event.slug}/register/sent/$"))
    expect(page.locator("main")).to_contain_text(VISITOR)
    visitor = Registration.objects.get(email=VISITOR)
    assert (visitor.status, visitor.language) == (Status.UNCONFIRMED, "hu")

    # The confirmation link from the e-mail: a button, then the place is hers.
    (request,) = [message for message in mail.outbox if message.to == [VISITOR]]
    page.goto(link(request, "confirm", live_server.url))
    expect(page.locator("h1")).to_have_text(hungarian("Confirm your registration"))
    page.get_by_role("button", name=hungarian("Confirm my registration")).click()
    expect(page.locator("h1")).to_have_text(hungarian("You are registered"))
    expect(page.locator(".registration-confirmed")).to_contain_text(
        hungarian(
            "Your place is kept. We have sent you an e-mail with the details, and we will "
            "remind you shortly before the event."
        )
    )
    confirmation_violations = axe_violations(page)
    visitor.refresh_from_db()
    assert visitor.status == Status.CONFIRMED

    # A German registrant comes later: the workshop is full, she waits.
    waiting = registered(event, email=GERMAN, language="de", name="Klaus Berger")
    assert waiting.status == Status.WAITING

    # The calendar file from the confirmation page.
    calendar_link = page.get_by_role(
        "link", name=hungarian("Add the event to your calendar (.ics file)")
    )
    address = calendar_link.get_attribute("href")
    response = page.request.get(live_server.url + address)
    assert response.headers["content-type"].startswith("text/calendar")
    with page.expect_download() as download:
        calendar_link.click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Sajtkészítő műhely"
    assert vevent.decoded("DTSTART").astimezone(event.starts_at.tzinfo) == event.starts_at.replace(
        microsecond=0
    )

    # She cancels through the signed link of the e-mail that confirmed her place.
    (registered_mail,) = [
        message for message in mail.outbox if message.to == [VISITOR] and message is not request
    ]
    page.goto(link(registered_mail, "cancel", live_server.url))
    expect(page.locator("h1")).to_have_text(hungarian("Cancel your registration"))
    page.get_by_role("button", name=hungarian("Cancel my registration")).click()
    expect(page.locator("h1")).to_have_text(hungarian("Your registration is cancelled"))

    # The first on the waiting list has the place, and an e-mail in German.
    visitor.refresh_from_db()
    waiting.refresh_from_db()
    assert (visitor.status, waiting.status) == (Status.CANCELLED, Status.CONFIRMED)
    (promoted,) = [
        message for message in mail.outbox if message.to == [GERMAN] and "Platz" in message.subject
    ]
    with translation.override("de"):
        assert promoted.subject == gettext("A place is free for you: %(title)s") % {
            "title": "Käserei-Workshop"
        }
        assert gettext("Hello %(name)s,") % {"name": "Klaus Berger"} in promoted.body
    assert "/de/events/registration/cancel/" in promoted.body

    assert page.foreign_requests == []
    assert form_violations == []
    assert confirmation_violations == []
