"""News items for tests: published now unless told otherwise."""

import datetime
import itertools

from django.utils import timezone

from portal.news.models import NewsItem

_numbers = itertools.count(1)


def news_item(*, texts=None, published=True, at=None, clusters=(), **fields):
    """A news item with its texts by language: {"pl": {"title": ..., "lead": ...}}."""
    number = next(_numbers)
    texts = texts or {"pl": {"title": f"Wiadomość {number}", "lead": f"Zapowiedź {number}"}}
    for code, by_field in texts.items():
        for field, text in by_field.items():
            fields[f"{field}_{code}"] = text
    item = NewsItem.objects.create(
        slug=fields.pop("slug", f"wiadomosc-{number}"),
        is_published=published,
        publish_at=at or timezone.now() - datetime.timedelta(hours=number),
        **fields,
    )
    item.clusters.set(clusters)
    return item
