"""Public pages kept whole in the cache for visitors who are not signed in.

The offer and directory pages are the same for every anonymous visitor of a
language and address until the data behind them changes, and building one costs
several queries and a template. `cache_for_visitors(kind)` marks a view's pages
as kept: the rendered page is kept under its scheme, host, path and query (its
parameters sorted, so that `?a=1&b=2` and `?b=2&a=1` share one entry) for
`PAGE_CACHE_SECONDS` (0: nothing is kept, as in development). The path names the
language (the pages are under `i18n_patterns`): a page in any other language than
its path's is not kept.

`KeptPageMiddleware`, placed before the session middleware, answers a GET or HEAD
of a visitor who sends neither a session nor a messages cookie (anonymous, with no
messages waiting) with the kept page, in one read of the cache (the page's entry
with the generations of every kind the decorators named) and before the session,
locale, CSRF, auth and the rest of the middleware or the URLs run. It stores the
pages too, on their way out, so that a kept page has every header the middleware
inside it adds. A visitor with a session cookie who is not signed in is
served by the decorator, once the session says so.

Invalidation is one increment: each kind (`offers`, `directory`) has a generation
kept in the cache, an entry records the kind and the generation it was built
under, and is served only while that generation is its kind's;
`forget_pages(kind)` increments it, and the entries of the old generation are
never served again (they time out, or a new page replaces them). The apps call it
from their models' signals. A writer forgets at once, before its transaction
commits, so a request that reads the rows in between could keep the old page
under the new generation: for `WRITE_SETTLE_SECONDS` after a write the entries
are kept only `SETTLING_ENTRY_SECONDS`, which bounds such a page without a
callback on commit.

Only what is the same for everyone is kept. Nothing is read from or written to
the cache for a signed-in user, a request that is not GET or HEAD, a visitor with
messages waiting; nothing is kept of a response that is not a plain 200, that
sets a cookie (in the view or in any middleware), used a CSRF token or a CSP nonce
(both differ per visitor), changed the session or showed messages.

The cache is a help, never a need: with the cache server down every page is
built for each request, and a warning is logged.
"""

import functools
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import translation

logger = logging.getLogger(__name__)

# After a write, entries are kept this briefly for this long (see the module's docstring).
WRITE_SETTLE_SECONDS = 30
SETTLING_ENTRY_SECONDS = 5

SHARED_METHODS = frozenset({"GET", "HEAD"})

# The kinds of page kept, as the views' decorators name them (when the URLs load):
# the middleware reads their generations with the page.
_KINDS = set()


def _generation_key(kind):
    return f"page-generation:{kind}"


def _written_key(kind):
    return f"page-written:{kind}"


def forget_pages(*kinds):
    """Retire every kept page of `kinds`: their generation goes up by one.

    A lost generation (evicted, or the server restarted) starts again from a
    random number, which no earlier generation of the kind had, for all purposes.
    """
    for kind in kinds:
        key = _generation_key(kind)
        try:
            try:
                cache.incr(key)
            except ValueError:
                # Not kept (yet): any new number will do, as long as it is new.
                cache.set(key, secrets.randbits(62), None)
            cache.set(_written_key(kind), 1, WRITE_SETTLE_SECONDS)
        except Exception:
            # The entries time out on their own: a write never fails for the cache.
            logger.warning("Pages of %s not forgotten: the cache does not answer.", kind)


def keep_until(response, moment):
    """Keep this response's page no later than `moment` (when what it shows lapses)."""
    response.page_cache_until = moment
    return response


@dataclass(frozen=True)
class _Lookup:
    """One read of the cache: a page's entry, and the generations of `kinds`."""

    key: str
    kinds: frozenset
    found: dict

    def kept_page(self):
        """The entry, if it was built under its kind's current generation."""
        entry = self.found.get(self.key)
        if entry is None or entry["kind"] not in self.kinds:
            return None
        if entry["generation"] != self.found.get(_generation_key(entry["kind"])):
            return None
        return _response_from(entry)

    def generation(self, kind):
        """The kind's current generation; a new one if the cache has none."""
        key = _generation_key(kind)
        generation = self.found.get(key)
        if generation is None:
            generation = secrets.randbits(62)
            if not cache.add(key, generation, None):
                generation = cache.get(key, generation)
        return generation

    def settling(self, kind):
        """Whether the kind was written to just now."""
        return _written_key(kind) in self.found


def _look_up(key, kinds):
    keys = [key]
    for kind in kinds:
        keys += [_generation_key(kind), _written_key(kind)]
    return _Lookup(key, frozenset(kinds), cache.get_many(keys))


def read_with_generation(kind, keys):
    """One read of the cache: the values of `keys` that are kept, the kind's
    generation (a new one if it was lost), and whether it was written to just now.

    What else is kept under a kind's generation (portal/common/fragments.py) reads it here.
    """
    found = cache.get_many([*keys, _generation_key(kind), _written_key(kind)])
    lookup = _Lookup("", frozenset([kind]), found)
    kept = {key: found[key] for key in keys if key in found}
    return kept, lookup.generation(kind), lookup.settling(kind)


@dataclass(frozen=True)
class _PageToKeep:
    key: str
    kind: str
    generation: int
    seconds: int
    settling: bool


@dataclass
class _Visit:
    """What the middleware learnt of a request in the cache, and the page to keep of it."""

    lookup: _Lookup | None = None
    unreachable: bool = False
    page_to_keep: _PageToKeep | None = None


class KeptPageMiddleware:
    """Kept pages answered before the session and the rest of the middleware run.

    Right after WhiteNoise in MIDDLEWARE, before SessionMiddleware: everything
    inside it is skipped for a kept page, and every header it adds is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.get_response(request)
        visit = request._page_cache_visit = _Visit()
        kept = self._kept_page(request, visit)
        if kept is not None:
            return kept
        response = self.get_response(request)
        if visit.page_to_keep is not None:
            _keep(request, response, visit.page_to_keep)
        return response

    def _kept_page(self, request, visit):
        if request.method not in SHARED_METHODS or not _KINDS:
            return None
        # Without these cookies (or with them emptied) the visitor is anonymous and
        # has no messages waiting.
        cookies = request.COOKIES
        if cookies.get(settings.SESSION_COOKIE_NAME) or cookies.get(CookieStorage.cookie_name):
            return None
        if translation.get_language_from_path(request.path_info) is None:
            return None
        try:
            key = _entry_key(request)
        except DisallowedHost:
            return None  # The request goes on, to the 400 page.
        try:
            visit.lookup = _look_up(key, frozenset(_KINDS))
        except Exception:
            visit.unreachable = True
            logger.warning("Page %s not read from the cache: it does not answer.", request.path)
            return None
        return visit.lookup.kept_page()


def cache_for_visitors(kind, *, max_seconds=None):
    """A view decorator: anonymous visitors' pages of `kind` kept in the cache.

    An entry lives `PAGE_CACHE_SECONDS`, at most `max_seconds` (for pages that
    show what a date retires, such as the lists of live offers), and no later
    than a time the view set with `keep_until`. With `KeptPageMiddleware` the
    middleware keeps the page on its way out; without it, the decorator does.
    """
    _KINDS.add(kind)

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            seconds = settings.PAGE_CACHE_SECONDS
            if max_seconds is not None:
                seconds = min(seconds, max_seconds)
            if seconds <= 0 or not _may_share(request) or not _in_its_paths_language(request):
                return view(request, *args, **kwargs)
            visit = getattr(request, "_page_cache_visit", None)
            if visit is not None and visit.unreachable:
                return view(request, *args, **kwargs)
            try:
                kept, page = _kept_or_to_keep(request, kind, seconds, visit)
            except Exception:
                logger.warning("Page of %s not read from the cache: it does not answer.", kind)
                return view(request, *args, **kwargs)
            if kept is not None:
                return kept
            if visit is not None:
                # The middleware keeps the page on its way out, with the headers it adds.
                visit.page_to_keep = page
                return view(request, *args, **kwargs)
            response = view(request, *args, **kwargs)
            if page is not None:
                _keep(request, response, page)
            return response

        return wrapper

    return decorator


def _kept_or_to_keep(request, kind, seconds, visit):
    """The kept page to answer with, or else the page to keep of a GET's response."""
    lookup = visit.lookup if visit is not None else None
    if lookup is None or kind not in lookup.kinds:
        # The middleware did not read this page: the visitor sent a session cookie,
        # or the kind was not known yet, or there is no middleware.
        lookup = _look_up(_entry_key(request), [kind])
        kept = lookup.kept_page()
        if kept is not None:
            return kept, None
    if request.method != "GET":
        return None, None
    generation = lookup.generation(kind)
    return None, _PageToKeep(lookup.key, kind, generation, seconds, lookup.settling(kind))


def _may_share(request):
    """Whether this request may be answered with, or fill, a page kept for everyone."""
    if request.method not in SHARED_METHODS:
        return False
    # Reads the session only if the visitor sent its cookie: none is made here.
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    # Messages waiting for this visitor are shown on the next page they open:
    # that page is theirs. Counting them does not mark them shown.
    return not len(messages.get_messages(request))


def _in_its_paths_language(request):
    """Whether the page is in the language its path names: the key has no other."""
    return translation.get_language_from_path(request.path_info) == translation.get_language()


def _keep(request, response, page):
    if not _may_keep(request, response):
        return
    seconds = _lifetime(response, page.seconds, settling=page.settling)
    if seconds <= 0:
        return
    entry = {
        "kind": page.kind,
        "generation": page.generation,
        "content": response.content,
        "headers": dict(response.headers),
    }
    try:
        cache.set(page.key, entry, seconds)
    except Exception:
        logger.warning("Page of %s not kept in the cache: it does not answer.", page.kind)


def _may_keep(request, response):
    """Whether a fresh response is the same for every anonymous visitor."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # What the page used (a token, a nonce, messages) is known once it is rendered.
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        # The page asked for a CSRF token: it holds this visitor's.
        return False
    if getattr(request, "_csp_nonce", None):
        # A nonce was drawn for this response: the page holds it, the header names it.
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    return not len(messages.get_messages(request))


def _lifetime(response, seconds, *, settling):
    """How long a page may be kept: shorter just after a write, and not past its view's limit."""
    if settling:
        seconds = min(seconds, SETTLING_ENTRY_SECONDS)
    until = getattr(response, "page_cache_until", None)
    if until is not None:
        seconds = min(seconds, int(until.timestamp() - time.time()))
    return seconds


def _entry_key(request):
    """The key of this request's page: its address, with its parameters sorted by name."""
    # Sorted by name; the values of one name keep their order.
    query = urlencode(sorted(request.GET.lists(), key=lambda item: item[0]), doseq=True)
    page = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"page:{hashlib.sha256(page.encode()).hexdigest()}"


def _response_from(entry):
    return HttpResponse(entry["content"], headers=entry["headers"])
