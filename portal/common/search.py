"""What every text search of the portal shares: its configurations and its SQLite fallback.

PostgreSQL has stemming configurations for English, German, Italian, Hungarian
and Romanian; Polish, Czech and Bulgarian use "portal_unaccent" (simple, without
accents, made by companies' migration 0002). Elsewhere (the SQLite demo) a search
is a plain substring match of each word.
"""

from django.db.models import FloatField, Q
from django.db.models.expressions import RawSQL

SEARCH_CONFIGS = {
    "en": "english",
    "de": "german",
    "it": "italian",
    "hu": "hungarian",
    "ro": "romanian",
}
DEFAULT_SEARCH_CONFIG = "portal_unaccent"
# A query's words beyond these are not searched.
MAX_WORDS = 8


def search_config(language):
    """The PostgreSQL text-search configuration for a reader's language."""
    return SEARCH_CONFIGS.get(language, DEFAULT_SEARCH_CONFIG)


def substring_search(queryset, query, fields):
    """Rows with each word of `query` in one of `fields`, with a `rank` of 0 (SQLite)."""
    for word in query.split()[:MAX_WORDS]:
        matches = Q()
        for field in fields:
            matches |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(matches)
    return queryset.annotate(rank=RawSQL("0", [], FloatField()))
