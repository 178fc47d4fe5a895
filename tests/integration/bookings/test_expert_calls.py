"""Booking an expert call: coins held, instant or on request, answers, cancellation policy."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from commerce.bookings import services
from commerce.bookings.exceptions import NotAllowed, SlotTaken, SlotUnavailable, TooShort
from commerce.bookings.models import Booking, Reminder
from commerce.notifications.models import Notification
from commerce.wallet.exceptions import InsufficientCoins
from commerce.wallet.models import Hold
from commerce.wallet.selectors import reconcile, wallet_summary
from tests.factories import make_user
from tests.factories.bookings import at, bookable_expert
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db


def test_an_instant_expert_is_booked_confirmed_with_the_minutes_coins_held(client_user, instant):
    expert, _calendar = instant

    booking = services.book_call(client_user, expert, at(3, 10), 30)

    assert booking.status == Booking.Status.CONFIRMED
    assert booking.coins == 60  # 30 minutes × 2 coins
    assert booking.coin_hold.status == Hold.Status.PENDING and booking.coin_hold.subject == booking
    assert wallet_summary(client_user) == (440, 60)
    assert set(Reminder.objects.filter(booking=booking).values_list("kind", flat=True)) == {"24h", "1h"}


def test_an_on_request_expert_gets_a_request_then_confirms(
    client_user, on_request, django_capture_on_commit_callbacks
):
    expert, _calendar = on_request

    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_call(client_user, expert, at(3, 10), 20)
    assert booking.status == Booking.Status.PENDING
    assert Notification.objects.filter(recipient=expert.user, event="bookings.requested").exists()

    with django_capture_on_commit_callbacks(execute=True):
        booking = services.confirm(booking, by=expert.user)
    assert booking.status == Booking.Status.CONFIRMED
    assert Notification.objects.filter(recipient=client_user, event="bookings.confirmed").exists()


def test_only_the_provider_confirms_and_declining_gives_every_coin_back(client_user, on_request):
    expert, _calendar = on_request
    booking = services.book_call(client_user, expert, at(3, 10), 20)

    with pytest.raises(NotAllowed):
        services.confirm(booking, by=client_user)
    booking = services.decline(booking, by=expert.user, reason="Absent")

    assert booking.status == Booking.Status.CANCELLED and booking.cancelled_by == expert.user
    assert Hold.objects.get(pk=booking.coin_hold_id).status == Hold.Status.VOIDED
    assert wallet_summary(client_user) == (500, 0)


def test_adjacent_slots_both_succeed_and_an_overlap_is_taken_with_alternatives(client_user, instant):
    expert, _calendar = instant
    other = make_user("other@example.com")
    wallet_with(other, 500)

    first = services.book_call(client_user, expert, at(3, 10), 30)
    second = services.book_call(other, expert, at(3, 10, 30), 30)
    with pytest.raises(SlotTaken) as taken:
        services.book_call(other, expert, at(3, 10, 0), 30)

    assert first.end == second.start
    assert taken.value.alternatives and all(
        start not in (first.start, second.start) for start, _ in taken.value.alternatives
    )
    assert wallet_summary(other) == (440, 60)  # the refused booking held nothing


def test_buffers_keep_bookings_apart(client_user):
    expert, _calendar = bookable_expert(
        "buffered@example.com", buffer_before_minutes=15, buffer_after_minutes=15
    )
    services.book_call(client_user, expert, at(3, 10), 30)

    with pytest.raises(SlotTaken):
        services.book_call(client_user, expert, at(3, 10, 30), 30)  # inside the 15 minutes after
    later = services.book_call(client_user, expert, at(3, 11), 30)

    assert later.blocked_start == at(3, 10, 45)


def test_refusals_write_nothing(client_user, instant):
    expert, _calendar = instant
    poor = make_user("poor@example.com")
    wallet_with(poor, 5)

    with pytest.raises(TooShort):
        services.book_call(client_user, expert, at(3, 10), 5)
    with pytest.raises(SlotUnavailable):
        services.book_call(client_user, expert, at(3, 20), 30)  # outside the hours
    with pytest.raises(SlotUnavailable):
        services.book_call(client_user, expert, at(3, 10, 10), 30)  # not a slot start
    with pytest.raises(InsufficientCoins):
        services.book_call(poor, expert, at(3, 10), 30)

    assert not Booking.objects.exists()
    assert wallet_summary(poor) == (5, 0)


def test_a_client_cancelling_early_gets_every_coin_back(client_user, instant):
    expert, _calendar = instant
    booking = services.book_call(client_user, expert, at(3, 10), 30)

    services.cancel(booking, by=client_user, reason="Changed my mind")

    assert Hold.objects.get(pk=booking.coin_hold_id).status == Hold.Status.VOIDED
    assert wallet_summary(client_user) == (500, 0)
    assert not Reminder.objects.filter(booking=booking, sent_at__isnull=True).exists()


def test_a_client_cancelling_late_pays_the_fee_share_to_the_expert(client_user, instant):
    expert, calendar = instant
    calendar.free_cancellation_hours = 24
    calendar.late_cancellation_percent = 50
    calendar.save()
    start = _soonest_slot(calendar, hours_ahead=3)
    booking = services.book_call(client_user, expert, start, 30)

    services.cancel(booking, by=client_user)

    hold = Hold.objects.get(pk=booking.coin_hold_id)
    assert (hold.status, hold.captured_coins, hold.earner) == (Hold.Status.CAPTURED, 30, expert.user)
    assert wallet_summary(client_user) == (470, 0)
    assert reconcile().ok
    call_command("wallet_check")


def test_the_expert_cancelling_late_gives_every_coin_back(client_user, instant):
    expert, calendar = instant
    booking = services.book_call(client_user, expert, _soonest_slot(calendar, hours_ahead=3), 30)

    services.cancel(booking, by=expert.user, reason="Ill")

    assert Hold.objects.get(pk=booking.coin_hold_id).status == Hold.Status.VOIDED
    assert wallet_summary(client_user) == (500, 0)


def test_a_proposal_is_accepted_in_one_click(client_user, on_request):
    expert, _calendar = on_request
    booking = services.book_call(client_user, expert, at(3, 10), 30)

    services.propose(booking, by=expert.user, starts=[at(4, 14), at(4, 15)])
    booking = services.accept_proposal(booking, by=client_user, start=at(4, 15))

    assert (booking.status, booking.start, booking.proposals) == (Booking.Status.CONFIRMED, at(4, 15), [])


def test_rescheduling_moves_the_booking_and_its_reminders(client_user, instant):
    expert, _calendar = instant
    booking = services.book_call(client_user, expert, at(3, 10), 30)

    booking = services.reschedule(booking, by=client_user, start=at(5, 11))

    assert booking.start == at(5, 11)
    assert Reminder.objects.get(booking=booking, kind="1h").due_at == at(5, 10)


def _soonest_slot(calendar, hours_ahead):
    from commerce.bookings import selectors

    now = timezone.now()
    slots = selectors.free_slots(
        calendar, now + timedelta(hours=hours_ahead), now + timedelta(days=3), timedelta(minutes=30)
    )
    return slots[0][0]
