"""Django's Redis cache, with one Redis client per connection pool.

Django's backend makes a new `redis.Redis` for every cache call, and a client
sets up its table of response callbacks each time it is made: a page that reads
the cache four or five times spends longer making clients than waiting for Redis.
A client is safe to share between threads (it takes a connection from its pool
for each command), so one per pool is kept and reused.
"""

from django.core.cache.backends import redis


class SharedClientRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
