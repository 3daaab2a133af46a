"""Public pages kept whole in the cache for visitors who are not signed in.

The offer and directory pages are the same for every anonymous visitor of a
language and address until the data behind them changes, and building one costs
several queries and a template. `cache_for_visitors(kind)` keeps the rendered
page under its language, scheme, host, path and query (its parameters sorted,
so that `?a=1&b=2` and `?b=2&a=1` share one entry) for `PAGE_CACHE_SECONDS`
(0: nothing is kept, as in development).

Invalidation is one increment: every entry's key holds its kind's generation
(`offers`, `directory`), kept in the cache; `forget_pages(kind)` increments it,
and the entries of the old generation are never read again (they time out). The
apps call it from their models' signals. A writer forgets at once, before its
transaction commits, so a request that reads the rows in between could keep the
old page under the new generation: for `WRITE_SETTLE_SECONDS` after a write the
entries are kept only `SETTLING_ENTRY_SECONDS`, which bounds such a page without
a callback on commit.

Only what is the same for everyone is kept. Nothing is read from or written to
the cache for a signed-in user, a request that is not GET or HEAD, a visitor with
messages waiting; nothing is kept of a response that is not a plain 200, that
sets a cookie, used a CSRF token or a CSP nonce (both differ per visitor),
changed the session or showed messages.

The cache is a help, never a need: with the cache server down every page is
built for each request, and a warning is logged.
"""

import functools
import hashlib
import logging
import secrets
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

# After a write, entries are kept this briefly for this long (see the module's docstring).
WRITE_SETTLE_SECONDS = 30
SETTLING_ENTRY_SECONDS = 5


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


def cache_for_visitors(kind, *, max_seconds=None):
    """A view decorator: anonymous visitors' pages of `kind` kept in the cache.

    An entry lives `PAGE_CACHE_SECONDS`, at most `max_seconds` (for pages that
    show what a date retires, such as the lists of live offers), and no later
    than a time the view set with `keep_until`.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            seconds = settings.PAGE_CACHE_SECONDS
            if max_seconds is not None:
                seconds = min(seconds, max_seconds)
            if seconds <= 0 or not _may_share(request):
                return view(request, *args, **kwargs)
            try:
                key, settling = _entry_key(kind, request)
                kept = cache.get(key)
            except Exception:
                logger.warning("Page of %s not read from the cache: it does not answer.", kind)
                return view(request, *args, **kwargs)
            if kept is not None:
                return _response_from(kept)

            response = view(request, *args, **kwargs)
            if request.method == "GET" and _may_keep(request, response):
                seconds = _lifetime(response, seconds, settling=settling)
                if seconds > 0:
                    try:
                        cache.set(key, _entry_of(response), seconds)
                    except Exception:
                        logger.warning(
                            "Page of %s not kept in the cache: it does not answer.", kind
                        )
            return response

        return wrapper

    return decorator


def _may_share(request):
    """Whether this request may be answered with, or fill, a page kept for everyone."""
    if request.method not in {"GET", "HEAD"}:
        return False
    # Reads the session only if the visitor sent its cookie: none is made here.
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    # Messages waiting for this visitor are shown on the next page they open:
    # that page is theirs. Counting them does not mark them shown.
    return not len(messages.get_messages(request))


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


def generation_of(kind):
    """The kind's generation (a new one if it was lost), and whether it was written to just now."""
    generation_key, written_key = _generation_key(kind), _written_key(kind)
    kept = cache.get_many([generation_key, written_key])
    generation = kept.get(generation_key)
    if generation is None:
        generation = secrets.randbits(62)
        if not cache.add(generation_key, generation, None):
            generation = cache.get(generation_key, generation)
    return generation, written_key in kept


def _entry_key(kind, request):
    """The key of this request's page, and whether its kind was written to just now."""
    generation, settling = generation_of(kind)
    # Sorted by name; the values of one name keep their order.
    query = urlencode(sorted(request.GET.lists(), key=lambda item: item[0]), doseq=True)
    page = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(page.encode()).hexdigest()
    return f"page:{kind}:{generation}:{get_language()}:{digest}", settling


def _entry_of(response):
    return {"content": response.content, "headers": dict(response.headers)}


def _response_from(entry):
    return HttpResponse(entry["content"], headers=entry["headers"])
