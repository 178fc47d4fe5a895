"""The private upstream APIs our code overrides, pinned: an upgrade that changes them fails here,
by name, instead of silently bypassing the override.

- ``commerce.core.cache.ReusedClient`` overrides ``RedisCacheClient.get_client`` and calls its
  ``_get_connection_pool_index``, ``_get_connection_pool`` and ``_client`` (django-redis, which keeps
  its clients, is not a dependency; Django offers no public hook to keep the client).
- ``cms_pages.core.streams.BatchedStreamValue`` overrides ``StreamValue._prefetch_blocks`` and reads
  ``_raw_data`` and ``_bound_blocks`` (Wagtail has no public hook before a lazy stream's conversion).
"""

import inspect

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCacheClient
from wagtail import blocks
from wagtail.blocks import StreamValue

from commerce.core.cache import ReusedClient, ReusedClientRedisCache


def test_django_redis_client_private_api_is_the_one_reused_client_relies_on():
    assert str(inspect.signature(RedisCacheClient.get_client)) == "(self, key=None, *, write=False)"
    assert str(inspect.signature(RedisCacheClient._get_connection_pool_index)) == "(self, write)"
    assert str(inspect.signature(RedisCacheClient._get_connection_pool)) == "(self, write)"
    client = RedisCacheClient(["redis://127.0.0.1:6379/0"])
    assert client._client is not None  # the redis.Redis class it builds clients with


def test_reused_client_builds_one_redis_client_per_pool():
    cache = ReusedClientRedisCache(settings.CACHES["default"]["LOCATION"], {})
    assert isinstance(cache._cache, ReusedClient)
    first = cache._cache.get_client("a", write=True)
    assert cache._cache.get_client("b", write=True) is first
    assert cache.redis_client() is first
    cache.set("upstream-pin", 1)
    assert cache.get("upstream-pin") == 1


def test_the_site_cache_is_the_reusing_backend():
    assert isinstance(caches["default"], ReusedClientRedisCache)


def test_wagtail_stream_value_private_api_is_the_one_batched_streams_rely_on():
    assert str(inspect.signature(StreamValue._prefetch_blocks)) == "(self, type_name)"
    # A lazy stream's items are converted on first access, one block type at a time, through it.
    assert "self._prefetch_blocks(" in inspect.getsource(StreamValue.__getitem__)
    stream_block = blocks.StreamBlock([("text", blocks.CharBlock())])
    value = StreamValue(stream_block, [{"type": "text", "value": "salam", "id": "1"}], is_lazy=True)
    assert value._raw_data[0]["type"] == "text"
    assert value._bound_blocks == [None]
    assert value[0].value == "salam"
