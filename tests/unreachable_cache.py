"""A cache backend whose server is gone: every call raises, as Redis does when it is down."""

from django.core.cache.backends.base import BaseCache


class CacheServerDown(ConnectionError):
    """What the Redis client raises when nothing answers at the cache's address."""


class UnreachableCache(BaseCache):
    """Every read, write and count fails with a connection error."""

    def __init__(self, location, params):
        super().__init__(params)

    def _down(self, *args, **kwargs):
        raise CacheServerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    add = get = set = touch = delete = has_key = clear = _down
    incr = decr = get_many = set_many = delete_many = get_or_set = _down


SETTINGS = {"default": {"BACKEND": "tests.unreachable_cache.UnreachableCache"}}
