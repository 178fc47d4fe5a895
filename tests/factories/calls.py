"""A confirmed expert call booking with its coins held, and heartbeats driven by a test clock."""

from datetime import timedelta

from commerce.bookings import services as bookings
from commerce.calls import services
from tests.factories import make_user
from tests.factories.bookings import at, bookable_expert
from tests.factories.wallet import wallet_with


def call_booking(
    *, coins=500, minutes=30, price=2, minimum=10, days_ahead=2, hour=10, client=None, **provider
):
    """``(booking, client, expert)``: a client with ``coins`` who booked ``minutes`` with an instant
    expert at ``price`` coins a minute (``minimum`` minutes at least), ``days_ahead`` days at ``hour``."""
    if client is None:
        client = make_user(f"client-{days_ahead}-{hour}@example.com")
        wallet_with(client, coins)
    expert, _calendar = bookable_expert(
        f"expert-{days_ahead}-{hour}@example.com", price=price, minimum=minimum, **provider
    )
    booking = bookings.book_call(client, expert, at(days_ahead, hour), minutes)
    return booking, client, expert


def talk(traveller, call, start, seconds, *, roles=("client", "expert"), every=15):
    """Both ``roles`` send a heartbeat every ``every`` seconds from ``start`` for ``seconds``
    (the last one exactly at ``start + seconds``), the clock moved by ``traveller`` (time-machine)."""
    result = None
    for offset in range(0, seconds + 1, every):
        traveller.move_to(start + timedelta(seconds=offset))
        for role in roles:
            result = services.heartbeat(call, role)
        if result[0].status == "ended":
            break
    return result
