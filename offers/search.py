"""Text search over offers, in the reader's language.

On PostgreSQL:

- full-text search with the reader's language configuration over the offer's
  texts in the reader's language; a field without text in that language is
  read in the offer's source language instead (the text the reader is shown,
  see the `offer_text` template tag);
- trigram word similarity over the same text, so that an inflected or
  misspelt word (Polish, Czech, Bulgarian) still finds its text.

Both match the expression indexes made in migration 0002, so the expressions
here and there must stay the same (tests/offers/test_search.py compares them
and checks that the indexes are used). Elsewhere (the SQLite demo) a plain substring match.

The organisation's name is not searched: an anonymous offer must not be found
by the name it hides.
"""

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL

from offers.models import TRANSLATED_FIELDS

# PostgreSQL has stemming configurations for these; Polish, Czech and Bulgarian
# use "portal_unaccent" (simple, without accents; made by companies' migration
# 0002) plus trigram similarity.
SEARCH_CONFIGS = {
    "en": "english",
    "de": "german",
    "it": "italian",
    "hu": "hungarian",
    "ro": "romanian",
}
DEFAULT_SEARCH_CONFIG = "portal_unaccent"
TABLE = '"offers_offer"'
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
MIN_WORD_LENGTH = 3
MAX_WORDS = 8


def search_config(language):
    return SEARCH_CONFIGS.get(language, DEFAULT_SEARCH_CONFIG)


def _column(name):
    return f'{TABLE}."{name}"'


def _field_for_reader(field, language, codes=LANGUAGE_CODES):
    """One field in the reader's language, or in the source language if it has no text."""
    source = " ".join(f"WHEN '{code}' THEN {_column(f'{field}_{code}')}" for code in codes)
    reader = _column(f"{field}_{language}")
    return (
        f"coalesce(CASE WHEN btrim(coalesce({reader}, '')) <> '' THEN {reader} "
        f"ELSE CASE {_column('source_language')} {source} END END, '')"
    )


def reader_document(language, codes=LANGUAGE_CODES):
    """The SQL text searched by full-text search for a reader of `language`."""
    parts = [_field_for_reader(field, language, codes) for field in TRANSLATED_FIELDS]
    parts.append(f"coalesce({_column('keywords')}, '')")
    return " || ' ' || ".join(parts)


def trigram_document(language, codes=LANGUAGE_CODES):
    """The reader's text, lower-case and without accents, searched by trigram similarity.

    Only the text the reader is shown (not every language): a short document
    keeps the index's recheck cheap with 100,000 offers.
    """
    return f"portal_unaccent(lower({reader_document(language, codes)}))"


def fulltext_vector(language, codes=LANGUAGE_CODES):
    return (
        f"to_tsvector('{search_config(language)}'::regconfig, {reader_document(language, codes)})"
    )


def query_words(query):
    words = [word for word in query.split() if len(word) >= MIN_WORD_LENGTH]
    return words[:MAX_WORDS]


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

    config = search_config(language)
    vector = fulltext_vector(language)
    tsquery = f"websearch_to_tsquery('{config}'::regconfig, %s)"
    condition_sql = [f"{vector} @@ {tsquery}"]
    params = [query]
    words = query_words(query)
    if words:
        document = trigram_document(language)
        condition_sql.append(
            "(" + " AND ".join(f"portal_unaccent(lower(%s)) <%% {document}" for _ in words) + ")"
        )
        params.extend(words)
    # The SQL is built from fixed fragments, column names and the language's
    # configuration name from SEARCH_CONFIGS; the reader's words are always parameters.
    condition = RawSQL("(" + " OR ".join(condition_sql) + ")", params, BooleanField())  # noqa: S611
    rank = RawSQL(  # noqa: S611
        f"ts_rank({vector}, {tsquery}) "
        f"+ word_similarity(portal_unaccent(lower(%s)), {trigram_document(language)})",
        [query, query],
        FloatField(),
    )
    return queryset.filter(condition).annotate(rank=rank)


def _search_substring(queryset, query, language):
    """Every word somewhere in the offer's texts, in any language (SQLite demo)."""
    fields = [f"{field}_{code}" for code in LANGUAGE_CODES for field in TRANSLATED_FIELDS]
    fields.append("keywords")
    for word in query.split()[:MAX_WORDS]:
        matches = Q()
        for field in fields:
            matches |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(matches)
    return queryset.annotate(rank=RawSQL("0", [], FloatField()))
