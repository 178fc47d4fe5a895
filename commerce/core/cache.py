"""Django's Redis cache, reusing one Redis client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` object on every cache call
(the connection pool itself is shared). A page makes dozens of cache calls (sessions, header,
thumbnails, rate limits), so the client is built once per pool and kept; redis-py clients are
thread-safe over their pool.

Django gives no public hook for this, and django-redis (whose client keeps its clients) is not a
dependency, so ``get_client`` is overridden and calls the backend's private pool helpers;
tests/unit/core/test_upstream_private_apis.py pins their signatures for the next upgrade.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusedClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(index)
        if client is None:
            client = clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClient

    def redis_client(self):
        """The Redis client itself, for the few counters the cache API cannot express (hashes)."""
        return self._cache.get_client(write=True)
