"""Reads of events shared by the pages, the calendar files, the sitemap and the project's page."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django_countries import countries

from companies.models import Cluster
from portal.documents.models import Document
from portal.events.models import Event, Registration

# The statuses an event is shown in: a cancelled one stays, saying it is cancelled.
PUBLIC_STATUSES = (Event.Status.PUBLISHED, Event.Status.CANCELLED)
# The registrations that hold a place (a waiting one holds none, nor a cancelled one).
# Only a confirmed registration holds a place: one whose address is not confirmed yet
# holds none (portal/events/registration_services.py).
HOLDING_A_PLACE = (Registration.Status.CONFIRMED,)


def public_events():
    return Event.objects.filter(status__in=PUBLIC_STATUSES)


def upcoming_events(now=None):
    """Public events not over yet (one under way included), soonest first."""
    now = now or timezone.now()
    return public_events().filter(ends_at__gte=now).order_by("starts_at", "pk")


def past_events(now=None):
    """Public events that are over, the latest first."""
    now = now or timezone.now()
    return public_events().filter(ends_at__lt=now).order_by("-starts_at", "-pk")


def card_related():
    """What an event's card reads besides its row, to prefetch."""
    return (Prefetch("clusters", queryset=Cluster.objects.order_by("name")),)


def event_for_page(slug):
    """A public event with its clusters and its published documents, or None."""
    return (
        public_events()
        .filter(slug=slug)
        .prefetch_related(
            *card_related(),
            Prefetch(
                "documents",
                queryset=Document.objects.filter(is_published=True).order_by("-published_at"),
            ),
        )
        .first()
    )


def places_taken(event):
    """How many places the event's registrations hold."""
    return event.registrations.filter(status__in=HOLDING_A_PLACE).count()


def places_left(event):
    """Places still free (never below 0); None for an event without a limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - places_taken(event), 0)


def registration_is_open(event, now=None):
    """Whether the event takes registrations now: published, open, not begun and
    before its deadline (if it has one)."""
    now = now or timezone.now()
    return (
        event.status == Event.Status.PUBLISHED
        and event.registration_open
        and event.starts_at > now
        and (event.registration_deadline is None or now < event.registration_deadline)
    )


def calendar_events(now=None):
    """The events of a language's calendar feed: public ones not over yet. A cancelled
    one stays in it, marked cancelled, so that the calendars that hold it drop it."""
    return upcoming_events(now)


def milestones():
    """The project's milestones for its timeline: published milestone events by start,
    with their clusters."""
    return (
        Event.objects.filter(status=Event.Status.PUBLISHED, is_milestone=True)
        .order_by("starts_at", "pk")
        .prefetch_related(*card_related())
    )


def list_options(events):
    """What a list's filters offer, as (value, label) pairs: the clusters, and the
    countries and months (first days) of `events`."""
    codes = set(events.exclude(country="").order_by().values_list("country", flat=True).distinct())
    months = {moment.date() for moment in events.order_by().datetimes("starts_at", "month")}
    return {
        "clusters": [(cluster.slug, str(cluster)) for cluster in Cluster.objects.order_by("name")],
        "countries": [(code, str(name)) for code, name in countries if code in codes],
        "months": sorted(months),
    }


def month_range(month):
    """The instants a month (its first day) spans in the portal's time zone."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime(month.year, month.month, 1, tzinfo=zone)
    following = datetime.datetime(
        month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=zone
    )
    return start, following
