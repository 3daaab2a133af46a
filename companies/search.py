"""Text search over organisations, in the reader's language.

On PostgreSQL: full-text search with the reader's language configuration, and
trigram word similarity over the texts in every language, so that an inflected
or misspelt word (Polish, Czech, Bulgarian) still finds its text. Both match
the expression indexes made in migration 0002, so the expressions here and
there must stay the same. Elsewhere (the SQLite demo) a plain substring match.
"""

from django.db import connection
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

from portal.common.languages import LANGUAGE_CODES
from portal.common.search import MAX_WORDS, search_config, substring_search

TABLE = '"companies_organisation"'
MIN_WORD_LENGTH = 3


def language_document(language):
    """The SQL text searched by full-text search in one language."""
    return (
        f"coalesce({TABLE}.\"name\", '') || ' ' || "
        f"coalesce({TABLE}.\"description_{language}\", '') || ' ' || "
        f"coalesce({TABLE}.\"products_{language}\", '')"
    )


def all_languages_document():
    """The SQL text, in every language, searched by trigram similarity."""
    parts = [f"coalesce({TABLE}.\"name\", '')"]
    for code in LANGUAGE_CODES:
        parts.append(f"coalesce({TABLE}.\"description_{code}\", '')")
        parts.append(f"coalesce({TABLE}.\"products_{code}\", '')")
    return "portal_unaccent(lower(" + " || ' ' || ".join(parts) + "))"


def query_words(query):
    words = [word for word in query.split() if len(word) >= MIN_WORD_LENGTH]
    return words[:MAX_WORDS]


def search_organisations(queryset, query, language):
    """Filter a queryset of organisations by a reader's query; annotate `rank`."""
    query = " ".join(query.split())
    if not query:
        return queryset
    if connection.vendor != "postgresql":
        return _search_substring(queryset, query, language)

    config = search_config(language)
    fulltext = (
        f"to_tsvector('{config}'::regconfig, {language_document(language)}) "
        f"@@ websearch_to_tsquery('{config}'::regconfig, %s)"
    )
    condition_sql = [fulltext]
    params = [query]
    words = query_words(query)
    if words:
        document = all_languages_document()
        condition_sql.append(
            "(" + " AND ".join(f"portal_unaccent(lower(%s)) <%% {document}" for _ in words) + ")"
        )
        params.extend(words)
    # The SQL is built from fixed fragments and the language's configuration
    # name from SEARCH_CONFIGS; the reader's words are always parameters.
    condition = RawSQL("(" + " OR ".join(condition_sql) + ")", params, BooleanField())  # noqa: S611
    rank = RawSQL(  # noqa: S611
        f"ts_rank(to_tsvector('{config}'::regconfig, {language_document(language)}), "
        f"websearch_to_tsquery('{config}'::regconfig, %s)) "
        f"+ word_similarity(portal_unaccent(lower(%s)), {all_languages_document()})",
        [query, query],
        FloatField(),
    )
    return queryset.filter(condition).annotate(rank=rank)


def _search_substring(queryset, query, language):
    fields = [
        "name",
        f"description_{language}",
        f"products_{language}",
        "description_pl",
        "products_pl",
    ]
    return substring_search(queryset, query, fields)
