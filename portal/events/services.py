"""Writes of events that staff make: publishing and cancelling."""

from django.db import transaction
from django.utils import timezone

from portal.events.models import Event

Status = Event.Status


@transaction.atomic
def events_publish(*, queryset, by):
    """Publish the drafts and cancelled events among `queryset`; the number published.

    An event keeps the time it was first published.
    """
    now = timezone.now()
    changed = 0
    for event in queryset.select_for_update().exclude(status=Status.PUBLISHED):
        event.status = Status.PUBLISHED
        event.published_at = event.published_at or now
        event.save(update_fields=["status", "published_at", "updated_at"])
        changed += 1
    return changed


@transaction.atomic
def events_cancel(*, queryset, by):
    """Cancel the events among `queryset` not cancelled yet; the number cancelled.

    A cancelled event stays on the lists and in the calendar feed, marked
    cancelled, and takes no more registrations.
    """
    changed = 0
    for event in queryset.select_for_update().exclude(status=Status.CANCELLED):
        event.status = Status.CANCELLED
        event.save(update_fields=["status", "updated_at"])
        changed += 1
    return changed
