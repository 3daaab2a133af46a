"""Reads of the news shared by views, feeds, the sitemap and the dashboard."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from companies.models import Cluster
from portal.common.dashboard import QUEUE_STATES
from portal.common.languages import LANGUAGE_CODES
from portal.common.translations import translatable_for
from portal.documents.models import Document
from portal.events.models import Event
from portal.models import TranslationState
from portal.news.models import NewsItem

# The queue's states, as the dashboard names them.
QUEUE_WORDS = {
    QUEUE_STATES[0]: _("missing"),
    QUEUE_STATES[1]: _("outdated"),
    QUEUE_STATES[2]: _("machine translation, not reviewed"),
}


def published(now=None):
    """Items readers see: published, and their time has come (a scheduled item
    appears at its time, with no job to run)."""
    return NewsItem.objects.filter(is_published=True, publish_at__lte=now or timezone.now())


def news_list(cluster=None):
    """Published items, newest first, with the clusters a list row names."""
    items = published().prefetch_related(
        Prefetch("clusters", queryset=Cluster.objects.only("pk", "slug", "name"))
    )
    if cluster is not None:
        items = items.filter(clusters=cluster)
    return items.defer("body", *(f"body_{code}" for code in LANGUAGE_CODES))


def news_detail():
    """Published items with all an item's page shows."""
    return published().prefetch_related(
        "clusters",
        # Only the events and documents that have public pages.
        Prefetch(
            "events", queryset=Event.objects.exclude(status=Event.Status.DRAFT).order_by("pk")
        ),
        Prefetch("documents", queryset=Document.objects.filter(is_published=True).order_by("pk")),
    )


def latest(count):
    """The `count` newest published items, for the home page."""
    return list(news_list()[:count])


def next_publication(now=None):
    """When the next scheduled item appears, or None: what readers see changes then."""
    return (
        NewsItem.objects.filter(is_published=True, publish_at__gt=now or timezone.now())
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )


# The translation queue: published and scheduled items whose texts in a language
# await a translator.


def queue_choices():
    names = dict(settings.LANGUAGES)
    return [
        (f"{code}-{state}", format_lazy("{}: {}", names[code], QUEUE_WORDS[state]))
        for code in LANGUAGE_CODES
        for state in QUEUE_STATES
    ]


def translation_queue():
    """{(language, state): [pk, ...]} of published and scheduled items, for the
    states the queue counts. Two queries, however many items."""
    translatable = translatable_for(NewsItem)
    fields = [f"{field}_{code}" for field in translatable.fields for code in LANGUAGE_CODES]
    items = NewsItem.objects.filter(is_published=True).only("pk", *fields)
    queue = {}
    for pk, states in translatable.states_of_many(items).items():
        for code, state in states.items():
            if state in QUEUE_STATES:
                queue.setdefault((code, TranslationState(state)), []).append(pk)
    return queue


def queued_items(value):
    """The pks in the queue for "<language>-<state>"; None for a value that names none."""
    language, _dash, state = (value or "").partition("-")
    if language not in LANGUAGE_CODES or state not in QUEUE_STATES:
        return None
    return translation_queue().get((language, TranslationState(state)), [])
