"""Reads of documents shared by views, with their joins and prefetches."""

from django.db.models import Case, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.translation import get_language

from companies.models import Cluster
from portal.common.languages import LANGUAGE_CODES
from portal.documents.models import Document, DocumentFile
from portal.events.models import Event
from portal.news.models import NewsItem

# What a file's line shows (never the stored name, which only the download reads).
FILE_FIELDS = ("pk", "document_id", "language", "file_format", "size")


def published_documents(now=None):
    """Documents on the portal: published, and their publication date come."""
    return Document.objects.filter(is_published=True, published_at__lte=now or timezone.now())


# Files in the portal's order of languages.
LANGUAGE_ORDER = Case(
    *(When(language=code, then=Value(index)) for index, code in enumerate(LANGUAGE_CODES)),
    default=Value(len(LANGUAGE_CODES)),
)


def _files():
    return Prefetch(
        "files", queryset=DocumentFile.objects.only(*FILE_FIELDS).order_by(LANGUAGE_ORDER)
    )


def _clusters():
    return Prefetch("clusters", queryset=Cluster.objects.only("pk", "slug", "name"))


def document_list():
    """Published documents with what a list row shows: their clusters and files."""
    return published_documents().prefetch_related(_clusters(), _files())


def document_detail(slug):
    """A published document with what its page shows, or None.

    Its related events and news items are those published, the latest first.
    """
    now = timezone.now()
    events = Prefetch(
        "events",
        queryset=Event.objects.filter(status=Event.Status.PUBLISHED).order_by("-starts_at", "pk"),
        to_attr="published_events",
    )
    news = Prefetch(
        "news",
        queryset=NewsItem.objects.filter(is_published=True, publish_at__lte=now).order_by(
            "-publish_at", "-pk"
        ),
        to_attr="published_news",
    )
    return (
        published_documents(now)
        .filter(slug=slug)
        .prefetch_related(_clusters(), _files(), events, news)
        .first()
    )


def files_for_reader(document, language=None):
    """The document's files, the reader's language first, then in the portal's order."""
    language = language or get_language()
    order = {code: index for index, code in enumerate(LANGUAGE_CODES)}
    return sorted(
        document.files.all(),
        key=lambda file: (file.language != language, order.get(file.language, len(order))),
    )


def downloadable_file(slug, language):
    """The file of a published document in `language`, or None."""
    return (
        DocumentFile.objects.filter(
            Q(document__in=published_documents().filter(slug=slug)), language=language
        )
        .select_related("document")
        .only("pk", "file", "file_format", "size", "language", "document__slug")
        .first()
    )
