"""``make bench-calls``: the chat benchmark's settings, with a larger channel-layer connection pool.

redis-py 8 caps a pool at 100 connections and fails at once past it (``MaxConnectionsError``) rather
than waiting: 200 sockets joining their groups together exceed it in one process. The site's layer
settings keep redis-py's default today; this pool is what the benchmark shows is needed.
"""

from benchmarks.chat.settings import *  # noqa: F403

CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]["max_connections"] = 1000  # noqa: F405
