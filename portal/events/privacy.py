"""A person's data in the events: their registrations.

portal/common/erasure.py says what an erasure leaves; portal/privacy.py puts the
apps' parts together.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.common.erasure import ERASED, Erasure, addresses, email_q, when
from portal.events import registration_services
from portal.events.models import Event, Registration

__all__ = ["person_data", "person_erase"]

Status = Registration.Status


def _registrations(emails, user):
    query = email_q("email", emails)
    if user is not None and user.pk is not None:
        query |= Q(user=user)
    return Registration.objects.filter(query)


def _log(registrations):
    """The admin's log of what staff did with these registrations."""
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Registration),
        object_id__in=[str(registration.pk) for registration in registrations],
    ).order_by("action_time", "pk")


def person_data(*, email, user=None):
    """The person's registrations for events, with what became of them."""
    emails = addresses(email=email, user=user)
    registrations = list(
        _registrations(emails, user).select_related("event").order_by("created_at", "pk")
    )
    log = {}
    for entry in _log(registrations):
        log.setdefault(int(entry.object_id), []).append(
            {"at": when(entry.action_time), "what": entry.get_change_message()}
        )
    return {
        "registrations": [
            {
                "id": registration.pk,
                "event": {"slug": registration.event.slug, "title": str(registration.event)},
                "status": registration.status,
                "name": registration.name,
                "organisation_name": registration.organisation_name,
                "country": registration.country.code,
                "email": registration.email,
                "phone": str(registration.phone) if registration.phone else "",
                "needs": registration.needs,
                "language": registration.language,
                "consent": {
                    "version": registration.consent_version,
                    "at": when(registration.consented_at),
                },
                "registered_at": when(registration.created_at),
                "confirmed_at": when(registration.confirmed_at),
                "waiting_since": when(registration.waiting_since),
                "cancelled_at": when(registration.cancelled_at),
                "reminder_sent_at": when(registration.reminder_sent_at),
                "attended": registration.attended,
                "log": log.get(registration.pk, []),
            }
            for registration in registrations
        ]
    }


@transaction.atomic
def person_erase(*, email, user=None, by=None, erasure=None):
    """Anonymise the person's registrations; a place one held goes to the waiting list.

    A registration stays for the event's records (its organisation, country,
    dates and attendance) with the erasure's marker for a name and no address,
    phone or needs. One still live is cancelled (nobody could be written to
    about it), so an event to come gives its place to the first on its waiting list.
    """
    erasure = erasure or Erasure(emails=addresses(email=email, user=user))
    registrations = list(
        _registrations(erasure.emails, user).select_related("event").select_for_update(of=("self",))
    )
    erasure.learn(
        names=[registration.name for registration in registrations],
        phones=[registration.phone for registration in registrations],
    )
    now = timezone.now()
    freed = set()
    for registration in registrations:
        if registration.status == Status.CONFIRMED:
            freed.add(registration.event_id)
        if registration.status != Status.CANCELLED:
            registration.status = Status.CANCELLED
            registration.cancelled_at = now
        registration.name = erasure.marker
        registration.email = registration.phone = ""
        registration.needs = ERASED if registration.needs else ""
        registration.user = None
        registration.save(
            update_fields=["status", "cancelled_at", "name", "email", "phone", "needs", "user"]
        )
    for event in Event.objects.filter(pk__in=freed):
        registration_services.event_fill_places(event=event)
    return {"registrations": len(registrations)}
