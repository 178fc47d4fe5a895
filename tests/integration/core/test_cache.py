"""The Redis cache keeps one client per connection pool and still behaves as Django's cache."""

from django.core.cache import cache


def test_cache_round_trips_through_redis_with_one_reused_client():
    cache.set("core:test:key", {"dinars": "12.345"}, 30)
    assert cache.get("core:test:key") == {"dinars": "12.345"}
    assert cache.incr(cache.get_or_set("core:test:counter", 1) and "core:test:counter") == 2
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is client
    cache.delete_many(["core:test:key", "core:test:counter"])
    assert cache.get("core:test:key") is None
