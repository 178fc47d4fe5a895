"""The server's meter and the call's coins, with a controlled clock: heartbeats in, one capture out."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from commerce.bookings.models import Booking
from commerce.calls import services
from commerce.calls.exceptions import CallEnded, CannotExtend, NotParticipant
from commerce.calls.models import Call, Heartbeat
from commerce.wallet.models import Hold, Transaction
from commerce.wallet.selectors import reconcile, wallet_summary
from commerce.wallet.services import earnings_of
from tests.factories.calls import talk

pytestmark = pytest.mark.django_db


def settled(booking):
    return Hold.objects.get(pk=booking.coin_hold_id)


def test_a_23_minute_call_captures_23_minutes(booked, call, clock):
    booking, client, expert = booked

    talk(clock, call, booking.start, 23 * 60)
    call = services.end_call(call, Call.Ending.HUNG_UP)

    assert (call.status, call.minutes, call.coins) == ("ended", 23, 46)
    hold = settled(booking)
    assert (hold.status, hold.captured_coins) == (Hold.Status.CAPTURED, 46)
    assert wallet_summary(client) == (500 - 46, 0)
    assert earnings_of(expert.user).balance == 46 * 400  # 80 % of 500 millimes a coin
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.COMPLETED
    assert reconcile().ok
    call_command("wallet_check")


def test_a_4_minute_call_captures_the_10_minute_minimum(booked, call, clock):
    booking, client, _expert = booked

    talk(clock, call, booking.start, 4 * 60)
    call = services.end_call(call, Call.Ending.HUNG_UP)

    assert (call.minutes, call.coins) == (10, 20)
    assert wallet_summary(client) == (480, 0)
    call_command("wallet_check")


def test_a_60_second_drop_pauses_the_meter(booked, call, clock):
    booking, _client, _expert = booked
    start = booking.start

    talk(clock, call, start, 10 * 60)
    # the client's connection drops for 60 s; the expert stays
    talk(clock, call, start + timedelta(minutes=10, seconds=15), 45, roles=("expert",))
    talk(clock, call, start + timedelta(minutes=11), 12 * 60)
    call = services.end_call(call, Call.Ending.HUNG_UP)

    assert call.seconds == 22 * 60
    assert (call.minutes, call.coins) == (22, 44)


def test_a_duplicated_end_captures_once(booked, call, clock):
    booking, client, _expert = booked
    talk(clock, call, booking.start, 15 * 60)

    first = services.end_call(call, Call.Ending.HUNG_UP)
    clock.shift(5)
    second = services.end_call(call, Call.Ending.HUNG_UP)
    services.end_due_calls()

    assert first.coins == second.coins == 30 and second.ended_at == first.ended_at
    assert Transaction.objects.filter(hold_id=booking.coin_hold_id, kind="capture").count() == 1
    assert wallet_summary(client) == (470, 0)
    with pytest.raises(CallEnded):
        services.heartbeat(call, "client")
    call_command("wallet_check")


def test_the_meter_resumes_from_stored_heartbeats_after_a_restart(booked, call, clock):
    booking, _client, _expert = booked
    talk(clock, call, booking.start, 12 * 60)

    # a new server process knows only the database: a fresh row, no state in memory
    again = Call.objects.get(pk=call.pk)
    talk(clock, again, booking.start + timedelta(minutes=12, seconds=15), 8 * 60 - 15)
    ended = services.end_call(again, Call.Ending.HUNG_UP)

    assert ended.minutes == 20 and Heartbeat.objects.filter(call=call).count() > 150


def test_the_expert_never_joining_gives_every_coin_back(booked, call, clock):
    booking, client, _expert = booked
    talk(clock, call, booking.start, 5 * 60, roles=("client",))

    clock.move_to(booking.end)
    assert services.end_due_calls() == 1

    call.refresh_from_db()
    assert (call.ending, call.coins) == (Call.Ending.EXPERT_ABSENT, 0)
    assert settled(booking).status == Hold.Status.VOIDED
    assert wallet_summary(client) == (500, 0)
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.NO_SHOW
    call_command("wallet_check")


def test_the_client_never_joining_pays_the_experts_no_show_policy(booked, call, clock):
    booking, client, expert = booked  # late-cancellation policy: 50 % of 60 coins
    talk(clock, call, booking.start, 10 * 60, roles=("expert",))

    clock.move_to(booking.end + timedelta(seconds=1))
    services.end_due_calls()

    call.refresh_from_db()
    assert (call.ending, call.coins) == (Call.Ending.CLIENT_ABSENT, 30)
    assert wallet_summary(client) == (470, 0)
    assert earnings_of(expert.user).balance == 30 * 400
    call_command("wallet_check")


def test_a_booking_whose_room_was_never_opened_is_refunded_after_its_end(booked, clock):
    booking, client, _expert = booked

    clock.move_to(booking.end + timedelta(minutes=1))
    services.end_due_calls()

    assert Call.objects.get(booking=booking).ending == Call.Ending.NOBODY
    assert wallet_summary(client) == (500, 0)


def test_both_gone_for_the_grace_period_ends_and_bills_the_call(booked, call, clock, settings):
    booking, client, _expert = booked
    talk(clock, call, booking.start, 14 * 60)

    clock.move_to(booking.start + timedelta(minutes=14, seconds=settings.CALLS_ABANDON_SECONDS - 1))
    assert services.end_due_calls() == 0
    clock.shift(2)
    assert services.end_due_calls() == 1

    call.refresh_from_db()
    assert (call.ending, call.minutes) == (Call.Ending.ABANDONED, 14)
    assert wallet_summary(client) == (472, 0)


def test_the_client_is_warned_a_minute_before_the_paid_time_ends_then_the_call_stops(booked, call, clock):
    booking, client, _expert = booked
    warnings = []
    start = booking.start
    for offset in range(0, 31 * 60, 15):
        clock.move_to(start + timedelta(seconds=offset))
        services.heartbeat(call, "expert")
        room, frame, warn = services.heartbeat(call, "client")
        warnings.append(warn)
        if room.status == "ended":
            break

    assert warnings.count(True) == 1
    assert warnings.index(True) * 15 == 29 * 60
    assert (room.ending, room.minutes, room.coins) == (Call.Ending.LIMIT, 30, 60)
    assert frame["coins"] == 60
    assert wallet_summary(client) == (440, 0)


def test_extending_holds_more_coins_and_the_call_goes_on(booked, call, clock):
    booking, client, expert = booked
    talk(clock, call, booking.start, 29 * 60)

    services.extend(call, client)
    with pytest.raises(NotParticipant):  # the expert does not buy minutes for the client
        services.extend(call, expert.user)
    assert wallet_summary(client) == (420, 80)
    talk(clock, call, booking.start + timedelta(minutes=29, seconds=15), 6 * 60 - 15)
    ended = services.end_call(call, Call.Ending.HUNG_UP)

    assert (ended.minutes, ended.coins) == (35, 70)
    assert wallet_summary(client) == (430, 0)
    assert settled(booking).captured_coins == 60
    assert ended.extensions.get().hold.captured_coins == 10
    call_command("wallet_check")


def test_an_extension_without_enough_coins_is_refused_and_nothing_is_held(clock, call, booked):
    booking, client, _expert = booked
    from commerce.wallet.services import hold

    hold(client, 440, reference="elsewhere", key="spent-elsewhere")

    with pytest.raises(CannotExtend):
        services.extend(call, client)
    assert call.extensions.count() == 0
