"""The API's rate limits: the same limits, windows and 429 answers as DRF's anon and user classes,
every window of a call counted in one Redis round trip (a cache that is not Redis: DRF's own)."""

import pytest
import redis
from django.core.cache import cache
from django.test import Client, override_settings
from rest_framework.test import APIRequestFactory
from rest_framework.throttling import SimpleRateThrottle

from commerce.api.throttling import RateThrottle
from tests.factories import make_user

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def clock(monkeypatch):
    """Seconds the throttles read; a test moves it forward."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(SimpleRateThrottle, "timer", lambda self: now[0])
    return now


@pytest.fixture
def rates(monkeypatch, clock):
    cache.clear()
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": "4/min"})
    yield
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("caches", [None, LOCMEM], ids=["redis", "other-cache"])
def test_an_anonymous_caller_gets_three_calls_a_minute_then_429_with_retry_after(rates, clock, caches):
    with override_settings(**({"CACHES": caches} if caches else {})):
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        answers = [client.get("/api/basket/") for _ in range(4)]
        assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
        refused = answers[-1]
        assert refused["Retry-After"] == "60"
        assert refused.json() == {"detail": "Request was throttled. Expected available in 60 seconds."}
        clock[0] += 59
        assert client.get("/api/basket/").status_code == 429
        clock[0] += 1  # the three calls are a minute old: three free again
        assert [client.get("/api/basket/").status_code for _ in range(4)] == [200, 200, 200, 429]


@pytest.mark.django_db
def test_an_anonymous_call_counts_against_the_user_limit_too_and_a_signed_in_user_only_against_it(
    monkeypatch, rates
):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "5/min", "user": "2/min"})
    anonymous = Client()
    assert [anonymous.get("/api/basket/").status_code for _ in range(3)] == [200, 200, 429]
    signed_in = Client()
    signed_in.force_login(make_user(email="rates@example.com"))
    assert [signed_in.get("/api/basket/").status_code for _ in range(3)] == [200, 200, 429]


@pytest.mark.django_db
def test_both_windows_of_an_anonymous_call_cost_one_redis_round_trip(rates, monkeypatch):
    sent = []
    execute = redis.Redis.execute_command

    def counted(client, *args, **options):
        sent.append(args[0])
        return execute(client, *args, **options)

    request = APIRequestFactory().get("/api/basket/")
    request.user = None
    assert RateThrottle().allow_request(request, None)  # Redis learns the script
    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    assert RateThrottle().allow_request(request, None)
    assert len(sent) == 1
    client = cache.redis_client()
    assert client.zcard(cache.make_key("throttle:anon:127.0.0.1")) == 2
    assert client.zcard(cache.make_key("throttle:user:127.0.0.1")) == 2
