"""Reads of the news shared by views, feeds, the sitemap and the dashboard."""

from django.db.models import Prefetch
from django.utils import timezone

from companies.models import Cluster
from portal.common.languages import LANGUAGE_CODES
from portal.documents.models import Document
from portal.events.models import Event
from portal.news.models import NewsItem


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
