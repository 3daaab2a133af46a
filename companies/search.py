"""Text search over organisations, in the reader's language.

On PostgreSQL: full-text search with the reader's language configuration, or
each word of three or more letters found in the texts in every language, read
without accents and unstemmed (configuration portal_unaccent): by its
beginning, so that an inflected Polish, Czech or Bulgarian word finds its text
(see `word_prefix`), or as one of the words of published organisations that
look like it (pg_trgm similarity over the view `companies_searchword`), so that
a misspelt word finds it too. Everything is read from indexes (migrations 0002
and 0009), so the expressions here and there must stay the same; nothing is
compared with each candidate's whole texts. Elsewhere (the SQLite demo) a plain
substring match.
"""

from django.db import connection
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

from portal.common.languages import LANGUAGE_CODES
from portal.common.search import (
    DEFAULT_SEARCH_CONFIG,
    MAX_WORDS,
    WORD,
    search_config,
    substring_search,
    word_prefix,
    word_prefix_sql,
)

TABLE = '"companies_organisation"'
MIN_WORD_LENGTH = 3
# How alike (pg_trgm similarity) a word of the organisations must be to a search word.
SIMILARITY = 0.4
# The words of the organisations that a search word may stand for, the most alike first.
SIMILAR_WORDS = 3
WORDS_CONFIG = f"'{DEFAULT_SEARCH_CONFIG}'::regconfig"


def language_document(language):
    """The SQL text searched by full-text search in one language."""
    return (
        f"coalesce({TABLE}.\"name\", '') || ' ' || "
        f"coalesce({TABLE}.\"description_{language}\", '') || ' ' || "
        f"coalesce({TABLE}.\"products_{language}\", '')"
    )


def all_languages_document():
    """The SQL text in every language, whose words a search word is compared with."""
    parts = [f"coalesce({TABLE}.\"name\", '')"]
    for code in LANGUAGE_CODES:
        parts.append(f"coalesce({TABLE}.\"description_{code}\", '')")
        parts.append(f"coalesce({TABLE}.\"products_{code}\", '')")
    return " || ' ' || ".join(parts)


def all_languages_vector():
    """The indexed tsvector of the texts in every language (migration 0009)."""
    return f"to_tsvector({WORDS_CONFIG}, {all_languages_document()})"


def query_words(query):
    words = [word for word in WORD.findall(query) if len(word) >= MIN_WORD_LENGTH]
    return words[:MAX_WORDS]


def word_tsquery(word):
    """The SQL tsquery of one search word and its parameters.

    Its beginning, or the beginning of one of the few words of published
    organisations most like it (a misspelt word finds what the right one finds):
    a scalar subquery over the view's trigram index, read once per search.
    """
    asked = "portal_unaccent(lower(%s))"
    prefix = word_prefix_sql("similar_word.word")
    # Built from fixed fragments; the word and the numbers are parameters.
    similar = (
        f"SELECT to_tsquery({WORDS_CONFIG}, string_agg({prefix} || ':*', ' | ')) "  # noqa: S608
        f"FROM (SELECT word FROM companies_searchword "
        f"WHERE word %% {asked} AND similarity(word, {asked}) >= %s "
        f"ORDER BY similarity(word, {asked}) DESC, word LIMIT %s) AS similar_word"
    )
    sql = f"(to_tsquery({WORDS_CONFIG}, %s) || coalesce(({similar}), ''::tsquery))"
    return sql, [f"{word_prefix(word)}:*", word, word, SIMILARITY, word, SIMILAR_WORDS]


def search_organisations(queryset, query, language):
    """Filter a queryset of organisations by a reader's query; annotate `rank`."""
    query = " ".join(query.split())
    if not query:
        return queryset
    if connection.vendor != "postgresql":
        return _search_substring(queryset, query, language)

    config = search_config(language)
    reader_vector = f"to_tsvector('{config}'::regconfig, {language_document(language)})"
    reader_tsquery = f"websearch_to_tsquery('{config}'::regconfig, %s)"
    condition_sql, condition_params = f"{reader_vector} @@ {reader_tsquery}", [query]
    rank_sql, rank_params = f"ts_rank({reader_vector}, {reader_tsquery})", [query]
    words = query_words(query)
    if words:
        terms = [word_tsquery(word) for word in words]
        words_tsquery = "(" + " && ".join(sql for sql, _params in terms) + ")"
        words_params = [param for _sql, params in terms for param in params]
        condition_sql = f"({condition_sql} OR {all_languages_vector()} @@ {words_tsquery})"
        condition_params += words_params
        # Ranked by the words in the reader's language only: a match there comes
        # first, and no row's texts in every language are read again. Without a
        # stemmer the reader's vector is the words' vector: it is made once.
        if config == DEFAULT_SEARCH_CONFIG:
            rank_sql = f"ts_rank({reader_vector}, ({reader_tsquery} || {words_tsquery}))"
        else:
            rank_sql += (
                f" + ts_rank(to_tsvector({WORDS_CONFIG}, {language_document(language)}), "
                f"{words_tsquery})"
            )
        rank_params += words_params
    # The SQL is built from fixed fragments and the language's configuration
    # name from SEARCH_CONFIGS; the reader's words are always parameters.
    condition = RawSQL(condition_sql, condition_params, BooleanField())  # noqa: S611
    rank = RawSQL(rank_sql, rank_params, FloatField())  # noqa: S611
    return queryset.filter(condition).annotate(rank=rank)


def refresh_search_words():
    """Read the words of published organisations again (daily, from offer_maintenance)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY companies_searchword")


def _search_substring(queryset, query, language):
    fields = [
        "name",
        f"description_{language}",
        f"products_{language}",
        "description_pl",
        "products_pl",
    ]
    return substring_search(queryset, query, fields)
