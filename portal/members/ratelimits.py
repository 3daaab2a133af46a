"""allauth's rate limits (codes asked for, sign-ups, wrong codes) with the cache server down.

allauth counts its limits in Django's cache and lets the cache client's error
through: with Redis gone, asking for a sign-in code would be a 500. As with the
portal's other limits (`RATELIMIT_FAIL_OPEN`), a limit the cache cannot count lets
the request through and logs a warning: a member can still sign in, and the
code's own attempts and expiry, kept in the session and the database, still hold.
`MembersConfig.ready()` gives allauth's rate limiting this cache instead of the bare one.
"""

import logging

logger = logging.getLogger(__name__)


class FailOpenCache:
    """The calls allauth's rate limiting makes on a cache, each answering as if
    nothing were counted when the cache does not answer."""

    def __init__(self, cache):
        self.cache = cache

    def _warn(self, operation):
        logger.warning(
            "Sign-in rate limit not %s: the cache does not answer.", operation, exc_info=True
        )

    def get(self, key, default=None):
        try:
            return self.cache.get(key, default)
        except Exception:
            self._warn("read")
            return default

    def set(self, key, value, timeout=None):
        try:
            self.cache.set(key, value, timeout)
        except Exception:
            self._warn("counted")

    def add(self, key, value, timeout=None):
        """True (the lock is taken) when the cache does not answer: no one else can hold it."""
        try:
            return self.cache.add(key, value, timeout)
        except Exception:
            self._warn("locked")
            return True

    def delete(self, key):
        try:
            self.cache.delete(key)
        except Exception:
            self._warn("cleared")


def fail_open():
    """Give allauth's rate limiting the fail-open cache (once, at start-up)."""
    from allauth.core.internal import ratelimit
    from django.core.cache import cache

    if not isinstance(ratelimit.cache, FailOpenCache):
        ratelimit.cache = FailOpenCache(cache)
