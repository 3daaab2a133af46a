"""Text search over offers, in the reader's language.

On PostgreSQL, full-text search over the stored column `search_<language>`
(migration 0002): the tsvector of the text a reader of that language is shown,
each field in the reader's language or, where it has none, in the offer's
source language (the text the `offer_text` template tag shows). A GIN index
reads each column.

German, English, Hungarian, Italian and Romanian have PostgreSQL's stemmers: a
query is read as a web search (quoted phrases, "or", "-word") and finds other
forms of its words through their stems; the beginnings of its words (below)
also find other forms in a text shown in its source language. Polish, Czech and Bulgarian have none
in PostgreSQL; their configuration only drops accents, and a query's words
are matched by their beginnings, so that "przyczepę rolniczą" finds
"przyczepy rolnicze" (see `word_prefix`). In every language a word also finds
the words of published offers that look like it (pg_trgm similarity over the
view of their words, migration 0003), so that a misspelt "fornaggio" finds
"formaggi". Elsewhere (the SQLite demo) a plain
substring match.

The organisation's name is not searched: an anonymous offer must not be found
by the name it hides.
"""

import re

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Expression, FloatField

from offers.models import TRANSLATED_FIELDS
from portal.common.languages import LANGUAGE_CODES
from portal.common.search import (
    MAX_WORDS,
    SEARCH_CONFIGS,
    WORD,
    search_config,
    substring_search,
    word_prefix,
)

# How alike (pg_trgm similarity) a word of the offers must be to a search word.
SIMILARITY = 0.4
# A phrase in quotes, "or", or a word left out with "-" (websearch_to_tsquery).
WEB_SEARCH_SYNTAX = re.compile(r'"|(^|\s)-\w|\sor\s', re.IGNORECASE)


class SearchSQL(Expression):
    """SQL over an offer's stored search column, `{column}` in `template`.

    The column is named with the alias its query gives the table, so that a
    search also works inside a subquery (where the table is "U0").
    """

    def __init__(self, template, language, params, output_field):
        super().__init__(output_field)
        self.template, self.language, self.params = template, language, tuple(params)

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name(compiler.query.get_initial_alias())
        return self.template.format(column=f'{alias}."search_{self.language}"'), self.params


def prefix_words(query):
    """The words of a query that are searched.

    Words of one or two letters (mostly prepositions and conjunctions) are left
    out when the query has longer ones.
    """
    words = WORD.findall(query)
    return ([word for word in words if len(word) >= 3] or words)[:MAX_WORDS]


def prefix_tsquery_text(query, similar=None):
    """`to_tsquery` input matching every word of the query by its beginning, or "".

    A word of one or two letters is matched whole. `similar` maps a word to words
    of the offers that look like it (a misspelt word finds them too).
    """
    terms = []
    for word in prefix_words(query):
        term = f"{word_prefix(word)}:*" if len(word) >= 3 else word
        others = [other for other in (similar or {}).get(word, []) if WORD.fullmatch(other)]
        terms.append(f"({' | '.join([term, *others])})" if others else term)
    return " & ".join(terms)


def similar_words(words, language):
    """For each word, up to three words of published offers that look like it.

    Read from the `offers_searchword` view (migration 0003) by trigram
    similarity; one query whatever the number of words.
    """
    if not words:
        return {}
    with connection.cursor() as cursor:
        # Each word as the reader's configuration reads it (a stem, where it has
        # a stemmer), compared with the words of the offers read the same way.
        cursor.execute(
            "SELECT asked.word, found.word FROM (SELECT word, coalesce("
            "(tsvector_to_array(to_tsvector(%s::regconfig, word)))[1], lower(word)) AS lexeme "
            "FROM unnest(%s::text[]) AS word) AS asked "
            "CROSS JOIN LATERAL (SELECT word FROM offers_searchword "
            "WHERE language = %s AND word %% asked.lexeme "
            "AND similarity(word, asked.lexeme) >= %s "
            "ORDER BY similarity(word, asked.lexeme) DESC, word LIMIT 3) AS found",
            [search_config(language), list(words), language, SIMILARITY],
        )
        similar = {}
        for word, found in cursor.fetchall():
            similar.setdefault(word, []).append(found)
    return similar


def refresh_search_words():
    """Read the words of published offers again (daily, from offer_maintenance)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY offers_searchword")


def reader_tsquery(query, language):
    """The SQL of a reader's query as a tsquery and its parameters, or None if it has no words."""
    config = search_config(language)
    prefixes = prefix_tsquery_text(query, similar_words(prefix_words(query), language))
    prefix_sql = f"to_tsquery('{config}'::regconfig, %s)"
    if language not in SEARCH_CONFIGS:
        return (prefix_sql, [prefixes]) if prefixes else None
    web_sql = f"websearch_to_tsquery('{config}'::regconfig, %s)"
    if not prefixes or WEB_SEARCH_SYNTAX.search(query):
        return web_sql, [query]
    # A text shown in its source language is not stemmed as that language: the
    # beginnings of the words find their other forms there.
    return f"({web_sql} || {prefix_sql})", [query, prefixes]


def search_offers(queryset, query, language):
    """Filter a queryset of offers by a reader's query; annotate `rank`.

    `language` is the reader's (one of settings.LANGUAGES).
    """
    query = " ".join(query.replace("\x00", "").split())
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    if not query:
        return queryset
    if connection.vendor != "postgresql":
        return _search_substring(queryset, query, language)

    tsquery = reader_tsquery(query, language)
    if tsquery is None:
        return queryset.none()
    tsquery, params = tsquery
    # The SQL is built from a column name and the configuration name from
    # SEARCH_CONFIGS; the reader's words are always a parameter.
    condition = SearchSQL(f"{{column}} @@ {tsquery}", language, params, BooleanField())
    rank = SearchSQL(f"ts_rank({{column}}, {tsquery})", language, params, FloatField())
    return queryset.filter(condition).annotate(rank=rank)


def _search_substring(queryset, query, language):
    """Every word somewhere in the offer's texts, in any language (SQLite demo)."""
    fields = [f"{field}_{code}" for code in LANGUAGE_CODES for field in TRANSLATED_FIELDS]
    fields.append("keywords")
    return substring_search(queryset, query, fields)
