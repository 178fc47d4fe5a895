"""The slots engine: free start times of a provider, from plain data (no database access here).

``free_slots`` takes the provider's availability (weekly hours, date overrides, buffers, notice,
horizon, interval, daily maximum) and the busy intervals already known (active bookings' blocked
intervals and imported calendar events), and returns the free ``(start, end)`` pairs, aware and in
UTC, inside ``[range_start, range_end)``. Wall-clock hours are read in the provider's time zone
with ``zoneinfo``, so a 09:00 opening stays 09:00 across a daylight-saving change; the viewer's
time zone only changes how the caller prints the result.

A slot is free when its blocked interval (the slot widened by the buffers) overlaps no busy
interval: the same rule the database's exclusion constraint applies to bookings.
"""

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Availability:
    """What a provider offers; ``weekly[weekday]`` and ``overrides[date]`` are ``[(start, end)]``
    wall-clock windows (an override with no window is a day off)."""

    time_zone: str
    weekly: dict = field(default_factory=dict)
    overrides: dict = field(default_factory=dict)
    buffer_before: timedelta = timedelta()
    buffer_after: timedelta = timedelta()
    notice: timedelta = timedelta()
    horizon: timedelta = timedelta(days=60)
    interval: timedelta = timedelta(minutes=30)
    max_per_day: int | None = None

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)


def local_datetime(day, clock, zone):
    """``day`` at wall-clock ``clock`` in ``zone`` as an aware UTC datetime.

    A time skipped by a daylight-saving change (02:30 on a spring-forward night) is read as the
    instant it would have been before the change (zoneinfo's ``fold=0``), so it still orders.
    """
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def windows(availability, day):
    """The open windows of ``day`` (a local date) as UTC ``(start, end)`` pairs."""
    spans = availability.overrides.get(day)
    if spans is None:
        spans = availability.weekly.get(day.weekday(), ())
    zone = availability.zone
    result = []
    for start, end in spans:
        until = (
            local_datetime(day + timedelta(days=1), time(0), zone)
            if end == time(0)
            else local_datetime(day, end, zone)
        )
        result.append((local_datetime(day, start, zone), until))
    return result


def merge(intervals):
    """Sorted, non-overlapping ``(start, end)`` covering the same time as ``intervals``."""
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class Busy:
    """Busy intervals, merged once, asked "does ``[start, end)`` overlap any?" in O(log n)."""

    def __init__(self, intervals):
        merged = merge(intervals)
        self.starts = [start for start, _end in merged]
        self.ends = [end for _start, end in merged]

    def overlaps(self, start, end):
        index = bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


def free_slots(availability, *, range_start, range_end, duration, busy=(), now, booked_days=None):
    """Free ``(start, end)`` slots of ``duration`` starting in ``[range_start, range_end)``.

    ``busy``: ``(start, end)`` intervals already taken (bookings' blocked intervals, imported
    events); ``booked_days``: active bookings per local date, for ``max_per_day``.
    """
    zone = availability.zone
    earliest = max(range_start, now + availability.notice)
    latest = min(range_end, now + availability.horizon)
    if earliest >= latest:
        return []
    taken = busy if isinstance(busy, Busy) else Busy(busy)
    booked_days = booked_days or Counter()
    slots = []
    day = earliest.astimezone(zone).date()
    last_day = latest.astimezone(zone).date()
    while day <= last_day:
        if availability.max_per_day is not None and booked_days[day] >= availability.max_per_day:
            day += timedelta(days=1)
            continue
        for window_start, window_end in windows(availability, day):
            start = window_start
            while start + duration <= window_end:
                if start >= latest:
                    break
                if start >= earliest and not taken.overlaps(
                    start - availability.buffer_before, start + duration + availability.buffer_after
                ):
                    slots.append((start, start + duration))
                start += availability.interval
        day += timedelta(days=1)
    slots.sort()
    return slots


def local_day_range(first_day: date, days: int, zone):
    """``[midnight of first_day, midnight days later)`` in ``zone``, as UTC datetimes."""
    return local_datetime(first_day, time(0), zone), local_datetime(
        first_day + timedelta(days=days), time(0), zone
    )


def nearest(slots, wanted, count=3):
    """The ``count`` slots whose starts are closest to ``wanted`` (for "this slot was just taken")."""
    return sorted(sorted(slots, key=lambda slot: abs(slot[0] - wanted))[:count])
