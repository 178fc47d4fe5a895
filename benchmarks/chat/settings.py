"""``make bench-chat``: production-like settings on the benchmark's own PostgreSQL and Redis.

Tasks go to the broker as in production (no worker runs: the benchmark measures the chat's path,
the notification deliveries wait in Redis); rate limits are lifted so one socket can send fast.
"""

from config.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
MESSAGING_MAX_MESSAGES_PER_MINUTE = 10**9
ROOT_URLCONF = "config.urls"

from config.settings.base import database, env  # noqa: E402

#: As in production: a pool of connections per process (without it each socket call connects anew).
DATABASES = {"default": database(env.db("DATABASE_URL"), pool_size=env.int("DATABASE_POOL_SIZE", default=10))}
