"""The admin's start page: what awaits the office, as the apps register it.

The kernel lists no app. Each app registers its blocks from its
`AppConfig.ready()` with `register()`, and `dashboard_for(user)` asks every
registered block, in the order of their `order`, for the figures `user` may see.
A block is counted only for a user its `may_see(user)` admits, so a block a
user may not open costs no query. Two kinds of block:

- `Awaiting`: rows of the table "Awaiting the office" (a label and one figure
  each). The rows of one block share a permission and are counted together, by
  one `count(user, now)` that returns each row's figure by its key, so that
  figures read from the same table cost one query (offers submitted and offers
  expiring, say). Rows of every block are shown in one table, sorted by their
  own `order`, so an app's rows may sit between another's.
- `TranslationQueue`: a table of its own (its caption, its element id, its
  figures' names), with one row per language of how many translations are
  missing, outdated, or machine drafts not yet reviewed (`queue_rows()` builds
  them from counts per language and state). Every figure links to the admin list
  of exactly the rows it counts, so one queue's figures come from one list: a
  later queue that should count several models together (news and events, say)
  is one block whose `count` sums them and links to a list that shows them all;
  one that has a list of its own registers its own table beside the offers'.

Each `Figure` is a number and the link to the admin list that shows exactly
those rows (`admin_list_url()`). The template (templates/admin/index.html)
iterates what `dashboard_for` returns; the shell's admin site
(portal/admin_site.py) calls it. Tests register a block of their own for a
while with `registered()`.
"""

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from portal.common.languages import LANGUAGE_CODES
from portal.models import TranslationState

State = TranslationState
# The states a translation queue counts, in its columns' order.
QUEUE_STATES = (State.MISSING, State.OUTDATED, State.MACHINE)


@dataclass(frozen=True)
class Figure:
    """A number and the admin list that shows exactly those rows."""

    number: int
    url: str


def admin_list_url(name, **query):
    """The admin list `admin:<name>` filtered by `query`."""
    return f"{reverse(f'admin:{name}')}?{urlencode(query)}"


@dataclass(frozen=True)
class Row:
    """A row of "Awaiting the office": its label, the name of its figure (the
    page's `data-figure`) and its place in the table (lowest first)."""

    key: str
    label: str
    order: int


@dataclass(frozen=True)
class Awaiting:
    """Rows of "Awaiting the office" that one permission admits and one count
    reads: `count(user, now)` returns a `Figure` for each row's key."""

    rows: Sequence[Row]
    may_see: Callable[[object], bool]
    count: Callable[[object, datetime], Mapping[str, Figure]]


@dataclass(frozen=True)
class QueueRow:
    """One language's line of a translation queue."""

    language: str
    missing: Figure
    outdated: Figure
    machine: Figure


@dataclass(frozen=True)
class TranslationQueue:
    """A translation-queue table: `count(user, now)` returns its `QueueRow`s.

    `element_id` is the table's id on the page and `figure_prefix` names its
    figures (`<prefix>-<language>-<state>`), so that two queues never share one.
    """

    caption: str
    element_id: str
    figure_prefix: str
    order: int
    may_see: Callable[[object], bool]
    count: Callable[[object, datetime], Sequence[QueueRow]]


@dataclass(frozen=True)
class ShownQueue:
    """A translation queue as one user sees it: the table and its rows."""

    queue: TranslationQueue
    rows: Sequence[QueueRow]


@dataclass(frozen=True)
class ShownRow:
    """A row of "Awaiting the office" with its figure for one user."""

    key: str
    label: str
    figure: Figure


@dataclass(frozen=True)
class Dashboard:
    # None: the user may see no block of that kind.
    awaiting: list[ShownRow] | None = None
    translation_queue: list[ShownQueue] | None = None

    @property
    def is_empty(self):
        return self == Dashboard()


def queue_rows(counted, url):
    """Every language's `QueueRow`, in the portal's order of languages.

    `counted` holds the numbers by language and state (`{"it": {State.MISSING:
    3, ...}}`; a language or state left out counts 0); `url(language, state)` is
    the admin list of exactly those translations.
    """

    def figure(language, state):
        return Figure(counted.get(language, {}).get(state, 0), url(language, state))

    return [
        QueueRow(language, *(figure(language, state) for state in QUEUE_STATES))
        for language in LANGUAGE_CODES
    ]


# The registered blocks, in the order their apps registered them.
_blocks = []


def register(block):
    """Put an `Awaiting` or `TranslationQueue` block on the dashboard.

    Called from the app's `AppConfig.ready()`; a block registered twice is shown once.
    """
    if not isinstance(block, Awaiting | TranslationQueue):
        raise TypeError(f"Not a dashboard block: {block!r}")
    if block not in _blocks:
        _blocks.append(block)
    return block


def unregister(block):
    """Take a block off the dashboard again."""
    _blocks.remove(block)


@contextlib.contextmanager
def registered(block):
    """The dashboard with `block` on it, for as long as the `with` lasts (tests)."""
    register(block)
    try:
        yield block
    finally:
        unregister(block)


def blocks():
    """The registered blocks."""
    return list(_blocks)


def dashboard_for(user, now=None):
    """The dashboard's figures that `user` may see; nothing is counted for the others."""
    now = now or timezone.now()
    rows, queues = [], []
    for block in _blocks:
        if not block.may_see(user):
            continue
        if isinstance(block, Awaiting):
            figures = block.count(user, now)
            rows.extend((row, figures[row.key]) for row in block.rows)
        else:
            queues.append(ShownQueue(block, block.count(user, now)))
    rows.sort(key=lambda shown: shown[0].order)
    queues.sort(key=lambda shown: shown.queue.order)
    return Dashboard(
        awaiting=[ShownRow(row.key, row.label, figure) for row, figure in rows] or None,
        translation_queue=queues or None,
    )
