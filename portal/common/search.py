"""What every text search of the portal shares: its configurations and its SQLite fallback.

PostgreSQL has stemming configurations for English, German, Italian, Hungarian
and Romanian; Polish, Czech and Bulgarian use "portal_unaccent" (simple, without
accents, made by companies' migration 0002). Elsewhere (the SQLite demo) a search
is a plain substring match of each word.

A list of search results is read through `SearchResults`: counted up to a limit
and ranked over a bounded set of matches (see there why).
"""

import re
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Count, FloatField, Q, Value, Window

SEARCH_CONFIGS = {
    "en": "english",
    "de": "german",
    "it": "italian",
    "hu": "hungarian",
    "ro": "romanian",
}
DEFAULT_SEARCH_CONFIG = "portal_unaccent"
# Letters and digits; everything else (punctuation, tsquery operators) separates words.
WORD = re.compile(r"[^\W_]+")
# A query's words beyond these are not searched.
MAX_WORDS = 8
# A search's matches are counted up to this number; past it a list says "more than".
COUNT_LIMIT = 1000
# The first matches (in the list's cheap order, newest first) that are ranked by relevance.
RANKED = 200


def search_config(language):
    """The PostgreSQL text-search configuration for a reader's language."""
    return SEARCH_CONFIGS.get(language, DEFAULT_SEARCH_CONFIG)


def word_prefix(word):
    """The beginning of a word that its inflected forms share, for a language without a stemmer.

    Polish, Czech and Bulgarian inflect mostly by their endings, at most three
    letters long: a long word loses three, a shorter one fewer, and a word of
    three letters is its own beginning.
    """
    length = len(word)
    if length <= 3:
        return word
    if length <= 5:
        return word[:-1]
    if length == 6:
        return word[:-2]
    return word[:-3]


def word_prefix_sql(word):
    """`word_prefix` in SQL: the beginning of the SQL text `word` (an expression)."""
    return (
        f"left({word}, CASE WHEN length({word}) <= 3 THEN 3 WHEN length({word}) <= 5 THEN -1 "
        f"WHEN length({word}) = 6 THEN -2 ELSE -3 END)"
    )


def substring_search(queryset, query, fields):
    """Rows with each word of `query` in one of `fields`, with a `rank` of 0 (SQLite)."""
    for word in query.split()[:MAX_WORDS]:
        matches = Q()
        for field in fields:
            matches |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(matches)
    # A float: SQLite reads an integer in ORDER BY as a column's position.
    return queryset.annotate(rank=Value(0.0, output_field=FloatField()))


@contextmanager
def matches_read_through_indexes():
    """Queries inside read a text search's matches from its GIN index, not by scanning.

    PostgreSQL's planner does not cost reading each row's stored tsvector, kept
    out of line (TOAST): for a common word it scans the table or walks another
    index and reads thousands of them, where the GIN index gives the matches and
    only their rows are visited. Only inside a transaction, so nothing outlives it.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('enable_seqscan', 'off', true), "
                "set_config('enable_indexscan', 'off', true)"
            )
        yield


class SearchResults:
    """A search's matches for a paginator: counted up to a limit, ranked over the first ones.

    `matches` is ordered by an order an index serves (newest first) and annotated
    with its `rank`; `ranked_order` is the order of relevance (None: the matches
    keep their order). The count and the ranked matches are read through the
    GIN index (`matches_read_through_indexes`): their cost follows the number of
    matches, at most the limit for the count. (The planner would otherwise walk
    the newest rows, reading each one's tsvector, until it found enough matches:
    tens of thousands of rows for a word in one offer in fifty.) A page in the
    order of `matches` is left to the planner: walking the newest rows finds its
    few rows soonest when the words are common. Ranking reads
    every ranked row's stored tsvector, and counting visits every match: over a
    word found in thousands of rows that is hundreds of milliseconds. So only
    the first `ranked` matches are ranked, and shown first by relevance; the
    others follow in the order of `matches`. The count stops past `limit`
    (`more` then says so), and the pages stop there.
    """

    def __init__(self, matches, ranked_order=None, *, rows=None, ranked=None, limit=None):
        """`rows`: the query set the ranked rows are read from (with its related rows),
        by their keys alone; `matches` by default."""
        self.matches = matches
        self.rows = matches if rows is None else rows
        self.ranked_order = ranked_order
        self.ranked = RANKED if ranked is None else ranked
        self.limit = COUNT_LIMIT if limit is None else limit
        self.more = False
        self._first = None

    def counted(self):
        """The matches counted: at most one past the limit."""
        return self.matches.order_by().values("pk")[: self.limit + 1]

    def first_with_count(self):
        """The keys of the first `ranked` matches, each with the number of all matches.

        Finding the first matches in the list's order visits every match: counting
        them there costs nothing more than reading the index once.
        """
        found = Window(Count("*"))
        return self.matches.annotate(found=found).values_list("pk", "found")[: self.ranked]

    def _read_first(self):
        if self._first is None:
            with matches_read_through_indexes():
                pairs = list(self.first_with_count())
            self._first = ([pk for pk, _found in pairs], pairs[0][1] if pairs else 0)
        return self._first

    def ranked_rows(self):
        """The ranked matches, by relevance."""
        first, _found = self._read_first()
        return (
            self.rows.filter(pk__in=first)
            .annotate(rank=self.matches.query.annotations["rank"])
            .order_by(*self.ranked_order)
        )

    def count(self):
        if self.ranked_order is None:
            with matches_read_through_indexes():
                found = self.counted().count()
        else:
            # The ranked matches are read with their count, in one query.
            _first, found = self._read_first()
        self.more = found > self.limit
        return min(found, self.limit)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        """The rows of a slice (a page), as a list."""
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("SearchResults are read by slices, a page at a time.")
        start, stop = key.start or 0, min(key.stop, self.limit)
        if self.ranked_order is None:
            return list(self.matches[start:stop])
        rows = []
        if start < self.ranked:
            # Read by their keys: no text search here.
            rows += self.ranked_rows()[start : min(stop, self.ranked)]
        if stop > self.ranked:
            rows += self.matches[max(start, self.ranked) : stop]
        return rows
