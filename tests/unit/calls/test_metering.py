"""The meter's arithmetic: presence from heartbeats, time together, billed minutes."""

from datetime import UTC, datetime, timedelta

from commerce.calls import metering

T0 = datetime(2026, 12, 5, 10, tzinfo=UTC)


def beats(start, end, every=15):
    """Heartbeats every ``every`` seconds from ``start`` to ``end`` seconds after T0 (inclusive)."""
    return [T0 + timedelta(seconds=s) for s in range(start, end + 1, every)]


def read(client, expert, minimum=10, limit=60):
    return metering.read(client, expert, max_gap=45, minimum=minimum, limit=limit)


def test_a_gap_of_45_seconds_is_presence_and_a_longer_one_a_drop():
    kept = metering.presence([T0, T0 + timedelta(seconds=45)], 45)
    dropped = metering.presence([T0, T0 + timedelta(seconds=46)], 45)

    assert kept == [(T0, T0 + timedelta(seconds=45))]
    assert len(dropped) == 2


def test_only_time_when_both_are_present_counts():
    # the client is there 0..20 min, the expert 5..25 min
    now = read(beats(0, 1200), beats(300, 1500))

    assert now.seconds == 900
    assert now.minutes == 15 and now.started


def test_a_started_minute_is_billed_and_the_minimum_applies_once_started():
    assert read(beats(0, 23 * 60), beats(0, 23 * 60)).minutes == 23
    assert read(beats(0, 23 * 60 + 15), beats(0, 23 * 60 + 15)).minutes == 24
    assert read(beats(0, 4 * 60), beats(0, 4 * 60)).minutes == 10


def test_nothing_is_due_before_both_were_there_together():
    now = read(beats(0, 300), beats(400, 800))

    assert (now.seconds, now.started, now.minutes) == (0, False, 0)
    assert read(beats(0, 300), []).minutes == 0


def test_the_bill_never_exceeds_the_minutes_paid_for():
    assert read(beats(0, 40 * 60), beats(0, 40 * 60), limit=30).minutes == 30


def test_heartbeats_out_of_order_read_the_same():
    client = beats(0, 600)
    assert read(list(reversed(client)), beats(0, 600)) == read(client, beats(0, 600))
