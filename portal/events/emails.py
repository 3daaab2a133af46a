"""E-mails to the people who register for events, each in the registration's language.

The registration's language is the page's language when the person registered;
an e-mail about it (confirmation, waiting list, a place that freed, the reminder,
a message from staff) is in that language, whoever causes it. Every e-mail carries
the signed link to cancel. They are sent through the kernel's `portal.common.mail`;
the services queue them on commit.

The "you are registered" e-mail carries the event's calendar file when the events
app offers one: `portal.events.calendar.calendar_of(events, language=...)`, an
icalendar Calendar (see `calendar_file`).
"""

import importlib
import logging

from django.core.mail import EmailMessage
from django.utils import translation

from portal.common import mail
from portal.events import registration_links as links

logger = logging.getLogger(__name__)

ICS_TYPE = "text/calendar"


def calendar_file(event, *, language):
    """The event's .ics file in `language`, as bytes, or None while the events app
    builds none.

    The calendar module is the events pages' (portal/events/calendar.py); a
    failure there must not stop a confirmation, so it is logged and the e-mail
    goes without the file.
    """
    try:
        calendar = importlib.import_module("portal.events.calendar")
    except ImportError:
        return None
    build = getattr(calendar, "calendar_of", None)
    if build is None:
        return None
    try:
        with translation.override(language):
            return build([event], language=language).to_ical()
    except Exception:
        logger.exception("Event %s: no calendar file for the e-mail.", event.pk)
        return None


def _context(registration, **extra):
    return {
        "registration": registration,
        "event": registration.event,
        "cancel_link": links.cancel_url(registration),
        **extra,
    }


def _send(registration, template, *, attachments=(), **extra):
    subject, body = mail.render(
        template=f"events/email/{template}",
        language=registration.language,
        context=_context(registration, **extra),
    )
    message = EmailMessage(subject, body, to=[registration.email])
    for attachment in attachments:
        message.attach(*attachment)
    message.send()


def send_confirmation_request(registration):
    """The signed link that confirms the address (double opt-in)."""
    _send(
        registration,
        "confirm_request",
        confirm_link=links.confirm_url(registration),
        days=links.CONFIRM_LINK_DAYS,
    )


def send_registered(registration, *, promoted=False):
    """A place is the person's: just confirmed, or freed for them from the waiting list."""
    content = calendar_file(registration.event, language=registration.language)
    attachments = [(f"{registration.event.slug}.ics", content, ICS_TYPE)] if content else []
    _send(registration, "promoted" if promoted else "registered", attachments=attachments)


def send_waiting(registration, *, position):
    """The event is full: the person is number `position` on its waiting list."""
    _send(registration, "waiting", position=position)


def send_cancelled(registration):
    """The registration is cancelled (by the person's link or by staff)."""
    _send(registration, "cancelled")


def send_reminder(registration):
    """The event is near."""
    _send(registration, "reminder")


def send_staff_message(registration, *, subject, message):
    """Staff write to the registrants: their words, in the registration's language frame."""
    with translation.override(registration.language):
        _send(registration, "message", staff_subject=subject, message=message)
