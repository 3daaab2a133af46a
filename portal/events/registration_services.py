"""Writes to event registrations: registering, confirming, cancelling, the waiting list.

A registration is made UNCONFIRMED and holds no place: the e-mail sent to its
address carries a signed link (portal/events/registration_links.py), and only
following it (`registration_confirm`) gives the person a place (CONFIRMED) or,
when the event is full, a place on its waiting list (WAITING, from `waiting_since`).
When a confirmed registration is cancelled (by its signed link, or by staff),
the first on the waiting list gets the place and an e-mail in their own language.

Every function that counts places locks the event's row first, inside its
transaction, so that two confirmations racing for the last place are served one
after the other and the capacity is never exceeded. E-mails go out on commit,
each in the registration's language (portal/events/emails.py).
"""

import dataclasses
import datetime
import logging

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.events import emails, selectors
from portal.events.models import Event, Registration

__all__ = [
    "AlreadyRegistered",
    "RegistrationClosed",
    "closed_reason",
    "event_fill_places",
    "places_taken",
    "registration_cancel",
    "registration_confirm",
    "registration_create",
    "registrations_set_attended",
    "registrations_write",
    "reminders_send",
    "waiting_position",
]

logger = logging.getLogger(__name__)

Status = Registration.Status
LIVE = [Status.UNCONFIRMED, Status.CONFIRMED, Status.WAITING]

# The wording of the registration form's information text and consent
# (templates/events/registration_form.html and registration_forms.py). A new
# wording gets a new version, stored with every registration.
CONSENT_VERSION = "2026-12"

# Why an event takes no registration, as `closed_reason` names it.
CANCELLED, PAST, CLOSED, DEADLINE = "cancelled", "past", "closed", "deadline"


class RegistrationClosed(Exception):
    """The event takes no registration (any more); `reason` says why."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class AlreadyRegistered(Exception):
    """The address already has a live registration for the event: `registration`."""

    def __init__(self, registration):
        super().__init__(registration.pk)
        self.registration = registration


def closed_reason(event, *, now=None):
    """Why `event` takes no registration now, or None when it takes them."""
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        return CANCELLED
    if event.starts_at <= now:
        return PAST
    if not event.registration_open:
        return CLOSED
    if event.registration_deadline is not None and event.registration_deadline < now:
        return DEADLINE
    return None


def places_taken(event):
    """How many confirmed registrations hold a place at `event`."""
    return selectors.places_taken(event)


def _has_free_place(event):
    return event.capacity is None or places_taken(event) < event.capacity


def waiting_position(registration):
    """The registration's number on its event's waiting list (1 is next), or None."""
    if registration.status != Status.WAITING:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id,
        status=Status.WAITING,
        waiting_since__lt=registration.waiting_since,
    ).count()
    same_time = Registration.objects.filter(
        event_id=registration.event_id,
        status=Status.WAITING,
        waiting_since=registration.waiting_since,
        pk__lt=registration.pk,
    ).count()
    return ahead + same_time + 1


def _locked_event(event_id):
    return Event.objects.select_for_update().get(pk=event_id)


def _log(registration, *, by, message):
    """Write what staff did into the admin's history of the registration."""
    if by is not None:
        LogEntry.objects.log_actions(
            user_id=by.pk,
            queryset=[registration],
            action_flag=CHANGE,
            change_message=message,
            single_object=True,
        )


@transaction.atomic
def registration_create(
    *,
    event,
    name,
    email,
    country,
    language,
    organisation_name="",
    phone="",
    needs="",
    user=None,
    now=None,
):
    """An UNCONFIRMED registration, with the consent given now; the e-mail with the
    confirmation link goes out on commit.

    Raises RegistrationClosed (with its reason) when the event takes no
    registration, and AlreadyRegistered when the address already has a live one
    for the event (the same form sent twice makes one registration). A signed-in
    member's `user` is kept with it.
    """
    now = now or timezone.now()
    event = _locked_event(event.pk)
    reason = closed_reason(event, now=now)
    if reason is not None:
        raise RegistrationClosed(reason)
    email = email.strip()
    existing = Registration.objects.filter(
        event=event, email__iexact=email, status__in=LIVE
    ).first()
    if existing is not None:
        raise AlreadyRegistered(existing)
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                name=name,
                email=email,
                country=country,
                organisation_name=organisation_name,
                phone=phone or "",
                needs=needs,
                language=language,
                consent_version=CONSENT_VERSION,
                consented_at=now,
                user=user if user is not None and user.is_authenticated else None,
            )
    except IntegrityError:
        # The same address in another letter case, registered at this moment.
        raise AlreadyRegistered(
            Registration.objects.filter(event=event, email=email, status__in=LIVE).first()
            or Registration(event=event, email=email)
        ) from None
    transaction.on_commit(lambda: emails.send_confirmation_request(registration))
    return registration


def registration_resend_confirmation(*, registration):
    """The confirmation e-mail again, for a registration still UNCONFIRMED; False otherwise."""
    if registration.status != Status.UNCONFIRMED:
        return False
    emails.send_confirmation_request(registration)
    return True


@transaction.atomic
def registration_confirm(*, registration, now=None):
    """The person followed the confirmation link: a place, or the waiting list.

    Counting the places and taking one happen under the event's lock. Confirming
    again changes nothing (the registration is returned as it is). Raises
    RegistrationClosed when the event was cancelled or has begun since.
    """
    now = now or timezone.now()
    event = _locked_event(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    if registration.status != Status.UNCONFIRMED:
        return registration
    reason = closed_reason(event, now=now)
    if reason in (CANCELLED, PAST):
        raise RegistrationClosed(reason)
    registration.confirmed_at = now
    if _has_free_place(event):
        registration.status = Status.CONFIRMED
        registration.save(update_fields=["status", "confirmed_at"])
        transaction.on_commit(lambda: emails.send_registered(registration))
    else:
        registration.status = Status.WAITING
        registration.waiting_since = now
        registration.save(update_fields=["status", "confirmed_at", "waiting_since"])
        position = waiting_position(registration)
        transaction.on_commit(lambda: emails.send_waiting(registration, position=position))
    return registration


def _fill_free_places(event):
    """Give the free places of `event` (locked) to the first on its waiting list."""
    promoted = []
    while _has_free_place(event):
        first = (
            Registration.objects.select_for_update()
            .filter(event=event, status=Status.WAITING)
            .order_by("waiting_since", "pk")
            .first()
        )
        if first is None:
            break
        first.status = Status.CONFIRMED
        first.save(update_fields=["status"])
        first.event = event
        promoted.append(first)
    for registration in promoted:
        transaction.on_commit(
            lambda registration=registration: emails.send_registered(registration, promoted=True)
        )
    return promoted


@transaction.atomic
def event_fill_places(*, event):
    """Give the free places of `event` to the first on its waiting list, by e-mail;
    return the registrations promoted (after places were freed other than by
    `registration_cancel`, such as an erasure)."""
    event = _locked_event(event.pk)
    if event.starts_at <= timezone.now():
        return []
    return _fill_free_places(event)


@transaction.atomic
def registration_cancel(*, registration, by=None, now=None):
    """Cancel the registration; a place it held goes to the first on the waiting list.

    Returns the promoted registrations (none or one). Cancelling again changes
    nothing. `by` is the member of staff who cancelled, named in the admin's
    history; the person gets an e-mail that it is cancelled in either case.
    """
    now = now or timezone.now()
    event = _locked_event(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    if registration.status == Status.CANCELLED:
        return []
    held_place = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    _log(registration, by=by, message="Cancelled.")
    transaction.on_commit(lambda: emails.send_cancelled(registration))
    if held_place and event.starts_at > now:
        return _fill_free_places(event)
    return []


@transaction.atomic
def registrations_set_attended(*, queryset, attended, by):
    """Mark whether the registrants came (True, False, or None: not known)."""
    registrations = list(queryset.select_for_update())
    for registration in registrations:
        registration.attended = attended
        registration.save(update_fields=["attended"])
        _log(registration, by=by, message=f"Attended: {attended}.")
    return len(registrations)


def registrations_write(*, queryset, subject, message, by):
    """Staff write to the registrants: one e-mail each, in their own language, logged.

    Cancelled registrations get nothing. Returns how many e-mails were sent; an
    address refused is logged and does not stop the others.
    """
    sent = 0
    for registration in queryset.exclude(status=Status.CANCELLED).select_related("event"):
        try:
            emails.send_staff_message(registration, subject=subject, message=message)
        except Exception:
            logger.exception("Registration %s: the message could not be sent.", registration.pk)
            continue
        _log(registration, by=by, message=f"E-mail sent: {subject}")
        sent += 1
    return sent


@dataclasses.dataclass(frozen=True)
class ReminderRun:
    sent: int
    failed: int


def reminders_send(*, now=None, days=None):
    """E-mail a reminder to every confirmed registrant of an event starting within
    `days` (EVENT_REMINDER_DAYS), once each; safe from cron, and run twice at once.

    Each reminder is claimed in a transaction of its own: the row is locked
    (rows another run holds are skipped), the e-mail is sent and
    `reminder_sent_at` set before the transaction commits. An e-mail that fails
    rolls its claim back, so the next run tries it again.
    """
    now = now or timezone.now()
    days = settings.EVENT_REMINDER_DAYS if days is None else days
    due = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__status=Event.Status.PUBLISHED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + datetime.timedelta(days=days),
    )
    sent = 0
    failed = []
    while True:
        claimed = None
        try:
            with transaction.atomic():
                registration = (
                    due.exclude(pk__in=failed)
                    .select_for_update(skip_locked=True, of=("self",))
                    .select_related("event")
                    .order_by("pk")
                    .first()
                )
                if registration is None:
                    break
                claimed = registration.pk
                registration.reminder_sent_at = now
                registration.save(update_fields=["reminder_sent_at"])
                emails.send_reminder(registration)
        except Exception:
            if claimed is None:
                raise
            logger.exception("Registration %s: the reminder could not be sent.", claimed)
            failed.append(claimed)
            continue
        sent += 1
    return ReminderRun(sent=sent, failed=len(failed))
