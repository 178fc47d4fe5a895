"""``/health/``: reports database, cache, broker, worker, beat and search, for load balancers and humans.

The database and the cache are vital (503 when down); the broker, the Celery worker and beat and
search degrade the site without taking it down, so they are reported but answer 200 with
``"status": "degraded"``. Apps outside ``commerce`` add their own check (``register``): search does,
so this module imports no search code.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from commerce.core.tasks import BEAT_HEARTBEAT_KEY

VITAL = ("database", "cache")


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor


def _check_cache():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", 5)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return the value it stored")
    cache.delete(key)
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def _check_broker():
    from config.celery import app  # the Celery app loads settings and tasks: only when checked

    if app.conf.broker_url.startswith("memory://"):
        return "in-process"
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        return conn.transport_cls


def _check_worker():
    from config.celery import app  # the Celery app loads settings and tasks: only when checked

    if app.conf.task_always_eager:
        return "in-process"
    replies = app.control.ping(timeout=1.0, limit=1)
    if not replies:
        raise RuntimeError("no Celery worker answered a ping within 1 s")
    return ", ".join(sorted(name for reply in replies for name in reply))


def _check_beat():
    """Beat schedules a heartbeat that a worker records: a recent one proves both run."""
    from config.celery import app  # the Celery app loads settings and tasks: only when checked

    if app.conf.task_always_eager:
        return "in-process"
    last = cache.get(BEAT_HEARTBEAT_KEY)
    if last is None:
        raise RuntimeError("no heartbeat from Celery beat yet")
    age = time.time() - last
    if age > 3 * settings.CORE_BEAT_HEARTBEAT_SECONDS:
        raise RuntimeError(f"last heartbeat from Celery beat {age:.0f} s ago")
    return f"last heartbeat {age:.0f} s ago"


CHECKS = {
    "database": _check_database,
    "cache": _check_cache,
    "broker": _check_broker,
    "worker": _check_worker,
    "beat": _check_beat,
}


def register(name, check):
    """Report ``check()`` (a short detail, or an exception when down) under ``name``; never vital."""
    CHECKS[name] = check


@never_cache
@require_GET
def health(request):
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            detail, ok = check(), True
        except Exception as exc:  # noqa: BLE001 - any failure is the answer we report
            detail, ok = f"{type(exc).__name__}: {exc}"[:300], False
        results[name] = {
            "ok": ok,
            "detail": str(detail),
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }
    vital_ok = all(results[name]["ok"] for name in VITAL)
    all_ok = all(r["ok"] for r in results.values())
    status = "ok" if all_ok else ("degraded" if vital_ok else "down")
    return JsonResponse({"status": status, "checks": results}, status=200 if vital_ok else 503)
