"""The slots engine on plain data: hours, overrides, buffers, notice, horizon, daily maximum, DST."""

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from commerce.bookings.slots import Availability, Busy, free_slots, local_day_range, merge, nearest

TUNIS = ZoneInfo("Africa/Tunis")
PARIS = ZoneInfo("Europe/Paris")
MONDAY = date(2027, 3, 22)  # the week of Europe's spring change (Sunday 28 March 2027)
NOW = datetime(2027, 3, 1, tzinfo=UTC)


def hours(start, end):
    return {day: [(time(start), time(end))] for day in range(7)}


def day_slots(availability, day, duration=timedelta(minutes=60), **kwargs):
    start, end = local_day_range(day, 1, availability.zone)
    return free_slots(availability, range_start=start, range_end=end, duration=duration, now=NOW, **kwargs)


def local(day, hour, minute=0, zone=TUNIS):
    return datetime.combine(day, time(hour, minute), tzinfo=zone).astimezone(UTC)


def test_slots_follow_the_weekly_hours_every_interval():
    availability = Availability("Africa/Tunis", weekly=hours(9, 12), interval=timedelta(minutes=30))

    found = day_slots(availability, MONDAY)

    assert [start for start, _end in found] == [
        local(MONDAY, 9),
        local(MONDAY, 9, 30),
        local(MONDAY, 10),
        local(MONDAY, 10, 30),
        local(MONDAY, 11),
    ]
    assert all(end - start == timedelta(hours=1) for start, end in found)


def test_a_date_override_replaces_the_weekly_hours_and_an_empty_one_is_a_day_off():
    availability = Availability(
        "Africa/Tunis",
        weekly=hours(9, 12),
        overrides={MONDAY: [(time(14), time(15))], MONDAY + timedelta(days=1): []},
        interval=timedelta(hours=1),
    )

    assert day_slots(availability, MONDAY) == [(local(MONDAY, 14), local(MONDAY, 15))]
    assert day_slots(availability, MONDAY + timedelta(days=1)) == []


def test_buffers_keep_a_slot_away_from_busy_time_on_both_sides():
    availability = Availability(
        "Africa/Tunis",
        weekly=hours(9, 13),
        interval=timedelta(minutes=30),
        buffer_before=timedelta(minutes=15),
        buffer_after=timedelta(minutes=15),
    )
    busy = [(local(MONDAY, 11), local(MONDAY, 11, 30))]

    starts = [start for start, _end in day_slots(availability, MONDAY, busy=busy)]

    # 10:00 would end at 11:00 + 15 min of buffer; 11:30 starts after 15 min of buffer only.
    assert starts == [local(MONDAY, 9), local(MONDAY, 9, 30), local(MONDAY, 12)]


def test_minimum_notice_horizon_and_daily_maximum():
    availability = Availability(
        "Africa/Tunis",
        weekly=hours(9, 12),
        interval=timedelta(hours=1),
        notice=timedelta(hours=2),
        horizon=timedelta(days=1),
        max_per_day=2,
    )
    now = local(MONDAY, 8)
    start, end = local_day_range(MONDAY, 3, TUNIS)

    found = free_slots(
        availability,
        range_start=start,
        range_end=end,
        duration=timedelta(hours=1),
        now=now,
        booked_days=Counter({MONDAY + timedelta(days=1): 2}),
    )

    # 09:00 is inside the notice; Tuesday is full; Wednesday is past the horizon.
    assert found == [(local(MONDAY, 10), local(MONDAY, 11)), (local(MONDAY, 11), local(MONDAY, 12))]


def test_wall_clock_hours_hold_across_a_daylight_saving_change():
    availability = Availability("Europe/Paris", weekly=hours(9, 10), interval=timedelta(hours=1))
    saturday, monday = date(2027, 3, 27), date(2027, 3, 29)

    before = day_slots(availability, saturday)
    after = day_slots(availability, monday)

    assert before == [(datetime(2027, 3, 27, 8, tzinfo=UTC), datetime(2027, 3, 27, 9, tzinfo=UTC))]
    assert after == [(datetime(2027, 3, 29, 7, tzinfo=UTC), datetime(2027, 3, 29, 8, tzinfo=UTC))]
    # Seen from Tunis (no daylight saving) the Paris 09:00 opening moves from 09:00 to 08:00.
    assert before[0][0].astimezone(TUNIS).hour == 9 and after[0][0].astimezone(TUNIS).hour == 8


def test_hours_until_midnight_end_at_the_next_day():
    availability = Availability(
        "Africa/Tunis", weekly={0: [(time(22), time(0))]}, interval=timedelta(hours=1)
    )

    assert day_slots(availability, MONDAY) == [
        (local(MONDAY, 22), local(MONDAY, 23)),
        (local(MONDAY, 23), local(MONDAY + timedelta(days=1), 0)),
    ]


def test_busy_merges_overlaps_and_answers_overlap_questions():
    a, b, c = (local(MONDAY, h) for h in (9, 10, 11))
    assert merge([(b, c), (a, b + timedelta(minutes=5))]) == [(a, c)]
    busy = Busy([(a, b)])
    assert busy.overlaps(a - timedelta(minutes=1), a + timedelta(minutes=1))
    assert not busy.overlaps(b, c)  # touching is not overlapping
    assert not busy.overlaps(a - timedelta(hours=1), a)


def test_nearest_slots_are_the_closest_in_time_order():
    slots = [(local(MONDAY, h), local(MONDAY, h + 1)) for h in (8, 9, 12, 15)]

    assert nearest(slots, local(MONDAY, 10), 2) == [slots[0], slots[1]]
