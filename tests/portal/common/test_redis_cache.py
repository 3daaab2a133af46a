"""The Redis cache backend: Django's, against a real Redis, with one client per pool."""

from concurrent.futures import ThreadPoolExecutor

from django.core.cache import caches
from django.test import override_settings

REDIS = {
    "default": {
        "BACKEND": "portal.common.redis_cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/7",
    }
}


@override_settings(CACHES=REDIS)
def test_reads_and_writes_go_to_redis_through_one_client():
    cache = caches["default"]
    cache.clear()
    clients = [cache._cache.get_client(write=True), cache._cache.get_client()]

    cache.set("generation", 41, None)
    cache.incr("generation")
    cache.set_many({"a": "<p>a</p>", "b": "<p>b</p>"}, 60)

    assert cache.get_many(["generation", "a", "b", "c"]) == {
        "generation": 42,
        "a": "<p>a</p>",
        "b": "<p>b</p>",
    }
    assert clients[0] is clients[1]
    cache.clear()


@override_settings(CACHES=REDIS)
def test_threads_share_the_client_and_each_gets_its_own_answers():
    cache = caches["default"]
    cache.clear()

    def write_and_read(number):
        cache.set(f"key-{number}", number, 60)
        return cache.get(f"key-{number}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(write_and_read, range(200)))

    assert answers == list(range(200))
    cache.clear()
