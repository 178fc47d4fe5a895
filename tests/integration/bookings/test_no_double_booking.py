"""The exclusion constraint under races, and checkout holds that block a slot until they expire."""

from datetime import timedelta

import pytest
from django.utils import timezone

from commerce.bookings import services
from commerce.bookings.exceptions import SlotTaken
from commerce.bookings.models import Booking
from commerce.wallet.models import Hold
from commerce.wallet.selectors import reconcile
from tests.factories import make_user
from tests.factories.bookings import at, bookable_expert
from tests.factories.wallet import run_together, wallet_with


@pytest.mark.django_db(transaction=True)
def test_30_clients_booking_one_slot_at_once_exactly_one_gets_it():
    expert, _calendar = bookable_expert("busy@example.com")
    clients = []
    for i in range(30):
        client = make_user(f"client{i}@example.com")
        wallet_with(client, 100)
        clients.append(client)
    start = at(3, 10)

    results = run_together(30, lambda i: services.book_call(clients[i], expert, start, 30))

    booked = [result for result in results if isinstance(result, Booking)]
    taken = [result for result in results if isinstance(result, SlotTaken)]
    assert (len(booked), len(taken)) == (1, 29), [
        r for r in results if not isinstance(r, Booking | SlotTaken)
    ]
    assert Booking.objects.count() == 1
    assert Hold.objects.filter(status=Hold.Status.PENDING).count() == 1  # the losers held nothing
    assert reconcile().ok


@pytest.mark.django_db
def test_a_checkout_hold_blocks_the_slot_until_it_expires(client_user, instant):
    expert, calendar = instant
    holder = make_user("holder@example.com")
    held = Booking.objects.create(
        provider=calendar,
        client=holder,
        kind=Booking.Kind.SERVICE,
        start=at(3, 10),
        end=at(3, 10, 30),
        blocked_start=at(3, 10),
        blocked_end=at(3, 10, 30),
        status=Booking.Status.HELD,
        hold_expires_at=timezone.now() + timedelta(minutes=15),
    )

    with pytest.raises(SlotTaken):
        services.book_call(client_user, expert, at(3, 10), 30)
    Booking.objects.filter(pk=held.pk).update(hold_expires_at=timezone.now() - timedelta(seconds=1))
    booking = services.book_call(client_user, expert, at(3, 10), 30)

    assert booking.status == Booking.Status.CONFIRMED
    assert Booking.objects.get(pk=held.pk).status == Booking.Status.RELEASED
