"""Seeds one provider (200 bookings, 500 imported events over 30 days) and times its free slots
over 30 days: the engine (two queries, then pure Python) against a naive implementation asking the
database about every candidate slot. Run by bench_bookings.py with the benchmark's settings."""

import cProfile
import json
import math
import os
import pstats
import random
import statistics
import sys
import time
from datetime import timedelta

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from commerce.bookings import selectors, services, slots  # noqa: E402
from commerce.bookings.models import ACTIVE, Booking, ExternalBusy  # noqa: E402
from commerce.experts.models import ExpertProfile  # noqa: E402
from commerce.users.models import User  # noqa: E402

DAYS = 30
DURATION = timedelta(minutes=30)


def seed(bookings=200, events=500):
    """A provider open every day 08:00-20:00 every 15 minutes, with its bookings and busy times."""
    with transaction.atomic():
        user = User.objects.create_user("bench-expert@example.com", None)
        expert = ExpertProfile.objects.create(
            user=user, slug="bench-expert", full_name="Bench", status="approved", call_price_per_minute=1
        )
        client = User.objects.create_user("bench-client@example.com", None)
        provider = services.provider_for_expert(expert)
        from datetime import time as clock

        services.set_weekly_hours(provider, {day: [(clock(8), clock(20))] for day in range(7)})
        services.update_settings(
            provider, slot_interval_minutes=15, minimum_notice_minutes=0, buffer_after_minutes=10
        )
        start = timezone.now().replace(minute=0, second=0, microsecond=0)
        rows, taken = [], []
        rng = random.Random(7)
        while len(rows) < bookings:
            begin = start + timedelta(minutes=15 * rng.randrange(DAYS * 24 * 4))
            end = begin + DURATION
            if any(begin < e + timedelta(minutes=10) and end + timedelta(minutes=10) > b for b, e in taken):
                continue
            taken.append((begin, end))
            rows.append(
                Booking(
                    provider=provider,
                    client=client,
                    kind="call",
                    start=begin,
                    end=end,
                    blocked_start=begin,
                    blocked_end=end + timedelta(minutes=10),
                    status="confirmed",
                )
            )
        Booking.objects.bulk_create(rows)
        ExternalBusy.objects.bulk_create(
            ExternalBusy(provider=provider, start=b, end=b + timedelta(minutes=rng.choice((30, 60, 90))))
            for b in (start + timedelta(minutes=15 * rng.randrange(DAYS * 24 * 4)) for _ in range(events))
        )
    return provider


def engine(provider, start, end):
    return selectors.free_slots(provider, start, end, DURATION)


def naive(provider, start, end):
    """Every candidate slot of the rules, each checked by two queries (bookings, imported events)."""
    availability = selectors.availability_of(provider)
    candidates = slots.free_slots(
        availability, range_start=start, range_end=end, duration=DURATION, busy=(), now=timezone.now()
    )
    free = []
    for slot_start, slot_end in candidates:
        blocked_start = slot_start - availability.buffer_before
        blocked_end = slot_end + availability.buffer_after
        if Booking.objects.filter(
            provider=provider, status__in=ACTIVE, blocked_start__lt=blocked_end, blocked_end__gt=blocked_start
        ).exists():
            continue
        if ExternalBusy.objects.filter(
            provider=provider, start__lt=blocked_end, end__gt=blocked_start
        ).exists():
            continue
        free.append((slot_start, slot_end))
    return free


def timed(function, runs, *args):
    durations, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        result = function(*args)
        durations.append((time.perf_counter() - began) * 1000)
    durations.sort()
    return {
        "p50_ms": round(statistics.median(durations), 2),
        "p95_ms": round(durations[math.ceil(len(durations) * 0.95) - 1], 2),
        "slots": len(result),
    }


def main():
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--naive-runs", type=int, default=5)
    options = parser.parse_args()
    provider = seed()
    start = timezone.now()
    end = start + timedelta(days=DAYS)
    engine(provider, start, end)  # warm the connection and caches
    fast = timed(engine, options.runs, provider, start, end)
    if os.environ.get("BENCH_PROFILE"):  # where the engine's time goes, on stderr
        profile = cProfile.Profile()
        profile.runcall(engine, provider, start, end)
        pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    slow = timed(naive, options.naive_runs, provider, start, end)
    assert fast["slots"] == slow["slots"], (fast, slow)  # the same answer, or the comparison means nothing
    print("RESULT " + json.dumps({"engine": fast, "naive": slow}))


if __name__ == "__main__":
    main()
