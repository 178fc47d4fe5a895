import time

import pytest
from django.core.cache import cache

from commerce.core.tasks import BEAT_HEARTBEAT_KEY


@pytest.mark.django_db
def test_health_reports_every_component_ok_against_real_services(client):
    # when
    response = client.get("/health/")
    # then
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ok", body
    assert set(body["checks"]) == {"database", "cache", "broker", "worker", "beat", "search"}
    assert body["checks"]["database"]["detail"] == "postgresql"
    assert body["checks"]["cache"]["detail"].endswith("RedisCache")
    assert body["checks"]["broker"]["detail"] == "redis"
    assert body["checks"]["worker"]["detail"] == "in-process"
    assert "opensearch" in body["checks"]["search"]["detail"]


@pytest.mark.django_db(transaction=True)
def test_health_pings_the_worker_and_says_when_beat_is_silent(client, async_tasks):
    # given: a real worker, and no beat
    cache.delete(BEAT_HEARTBEAT_KEY)
    # when
    response = client.get("/health/")
    # then: the worker answered by name; beat is reported down without taking the site down
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "degraded"
    assert body["checks"]["worker"]["ok"], body
    assert body["checks"]["worker"]["detail"].startswith("test-")
    assert not body["checks"]["beat"]["ok"]
    assert "no heartbeat" in body["checks"]["beat"]["detail"]


@pytest.mark.django_db(transaction=True)
def test_health_reports_beat_once_its_heartbeat_reaches_the_worker(client, celery_beat):
    # given: beat and a worker running, beat's heartbeat every second
    cache.delete(BEAT_HEARTBEAT_KEY)
    deadline = time.monotonic() + 30
    while cache.get(BEAT_HEARTBEAT_KEY) is None and time.monotonic() < deadline:
        time.sleep(0.2)
    # when
    body = client.get("/health/").json()
    # then
    assert body["checks"]["beat"]["ok"], body
    assert body["checks"]["beat"]["detail"].startswith("last heartbeat")
    assert body["status"] == "ok", body


@pytest.mark.django_db
def test_health_reports_a_stale_heartbeat(client, settings, async_tasks):
    # given: the last heartbeat is older than three intervals
    cache.set(BEAT_HEARTBEAT_KEY, time.time() - 4 * settings.CORE_BEAT_HEARTBEAT_SECONDS)
    # when
    body = client.get("/health/").json()
    # then
    assert not body["checks"]["beat"]["ok"]
    assert "s ago" in body["checks"]["beat"]["detail"]
