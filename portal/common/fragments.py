"""Parts of public pages kept rendered, per language, until what they show changes.

An offer's card in a list, an organisation's card in the directory, the body of an
offer's or an organisation's page: each is the same for every reader of a language,
signed in or not, and many requests show it (a card is on the list, on the pages of
the searches that find it, on every visit). Building one costs queries (its
clusters, its translation states) and a template; reading it back costs one cache
round trip for all the parts of a page.

A part is kept under its kind's generation, the one the page cache keeps
(`portal.common.page_cache.forget_pages` retires the parts with the pages: every
write that changes a public page already calls it), the reader's language, and a
key its caller gives, which names the row and its last change (so a row updated
without signals is not shown stale either). It lives `FRAGMENT_CACHE_SECONDS` (0:
every part is rendered for each request, as in development), at most the
caller's `seconds`, and only briefly just after a write (as the pages do, see
`page_cache`).

The time a page is read (is an offer expired?) belongs in the key or outside the
part: a part is the same whenever it is read.

The cache is a help, never a need: with the cache server down every part is
rendered for each request, and a warning is logged.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet, prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.common.page_cache import SETTLING_ENTRY_SECONDS, read_with_generation

logger = logging.getLogger(__name__)


def kept_parts(kind, keys, render, *, seconds=None):
    """The HTML of each key in `keys` (a dict, in their order), kept or rendered.

    `render(missing)` renders the keys not kept and returns a dict of their HTML
    (a key it leaves out has no part: its row is gone). One cache read for all the
    keys, one write for those rendered.
    """
    parts = kept_values(kind, keys, render, seconds=seconds)
    # Each part is a template's output (escaped there), kept as it was rendered.
    return {key: mark_safe(html) for key, html in parts.items()}  # noqa: S308


def kept_part(kind, key, render, *, seconds=None):
    """The HTML of one part: `render()` if it is not kept."""
    return kept_parts(kind, [key], lambda missing: {key: render()}, seconds=seconds)[key]


def kept_cards(kind, rows, template_name, name, *, read, related=()):
    """The HTML of each row's card (`template_name`, the row as `name`), in their order.

    A card is kept under the row's key and last change (`updated_at`). `rows` is a
    query set, of which only the keys and last changes are read, or rows already
    read (a search's). The rows whose cards are not kept are read by `read(keys)`
    (a dict by key, as `in_bulk` gives) unless they were given, with `related`
    prefetched; a row gone since its key was read has no card.
    """
    if isinstance(rows, QuerySet):
        given = None
        changes = rows.values_list("pk", "updated_at")
    else:
        given = {row.pk: row for row in rows}
        changes = [(row.pk, row.updated_at) for row in rows]
    keys = {f"card:{pk}:{stamp(updated_at)}": pk for pk, updated_at in changes}

    def render(missing):
        found = read([keys[key] for key in missing]) if given is None else given
        chosen = {key: found[keys[key]] for key in missing if keys[key] in found}
        prefetch_related_objects(list(chosen.values()), *related)
        card = get_template(template_name)
        return {key: card.render({name: row}) for key, row in chosen.items()}

    return list(kept_parts(kind, keys, render).values())


def kept_value(kind, key, build, *, seconds=None):
    """A value many requests read (a list's count), kept as the parts are: `build()` if not kept."""
    return kept_values(kind, [key], lambda missing: {key: build()}, seconds=seconds)[key]


def kept_values(kind, keys, build, *, seconds=None):
    """The value of each key in `keys` (a dict, in their order); `build(missing)` makes
    those not kept (a dict), and they are kept.

    One read of the cache gets the kind's generation with the entries; an entry
    built under an older generation is built again.
    """
    keys = list(keys)
    lifetime = settings.FRAGMENT_CACHE_SECONDS
    if seconds is not None:
        lifetime = min(lifetime, seconds)
    if lifetime <= 0 or not keys:
        built = build(keys)
        return {key: built[key] for key in keys if key in built}
    prefix = f"part:{kind}:{get_language()}:"
    try:
        kept, generation, settling = read_with_generation(kind, [prefix + key for key in keys])
    except Exception:
        logger.warning("Parts of %s not read from the cache: it does not answer.", kind)
        built = build(keys)
        return {key: built[key] for key in keys if key in built}
    # An entry is (the generation it was built under, its value).
    values = {}
    for key in keys:
        entry = kept.get(prefix + key)
        if entry is not None and entry[0] == generation:
            values[key] = entry[1]
    missing = [key for key in keys if key not in values]
    if missing:
        built = build(missing)
        values.update(built)
        if settling:
            lifetime = min(lifetime, SETTLING_ENTRY_SECONDS)
        entries = {prefix + key: (generation, _plain(value)) for key, value in built.items()}
        try:
            cache.set_many(entries, lifetime)
        except Exception:
            logger.warning("Parts of %s not kept in the cache: it does not answer.", kind)
    # A row gone since its key was read has no part.
    return {key: values[key] for key in keys if key in values}


def _plain(value):
    """A rendered part as a plain string (a SafeString pickles as its class)."""
    return str.__str__(value) if isinstance(value, str) else value


def stamp(moment):
    """A row's last change as a key's piece (microseconds since the epoch), "-" for none."""
    return "-" if moment is None else str(int(moment.timestamp() * 1_000_000))


class KeptCount:
    """Rows for a paginator whose count is kept as the parts are, under `key`.

    A list's count reads every row it counts (a hundred thousand offers take
    milliseconds); its pages read only theirs.
    """

    def __init__(self, rows, kind, key, *, seconds=None):
        self.rows, self.kind, self.key, self.seconds = rows, kind, key, seconds

    def count(self):
        return kept_value(self.kind, self.key, self.rows.count, seconds=self.seconds)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        return self.rows[key]

    @property
    def ordered(self):
        return self.rows.ordered
