"""Beat's heartbeat: proof for ``/health/`` that the scheduler and a worker both still run."""

import time

from celery import shared_task
from django.conf import settings
from django.core.cache import cache

#: Cache key of the last heartbeat's Unix time.
BEAT_HEARTBEAT_KEY = "health:beat-heartbeat"


@shared_task(ignore_result=True, soft_time_limit=10, time_limit=20)  # one cache write
def beat_heartbeat():
    """Scheduled by beat every ``CORE_BEAT_HEARTBEAT_SECONDS`` and run by a worker (safe to run twice)."""
    cache.set(BEAT_HEARTBEAT_KEY, time.time(), settings.CORE_BEAT_HEARTBEAT_SECONDS * 10)
