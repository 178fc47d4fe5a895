"""Calls: a confirmed expert call booking, its room, and a clock at its start."""

import pytest
import time_machine

from commerce.calls import services
from tests.factories.calls import call_booking


@pytest.fixture
def booked(db):
    """``(booking, client, expert)``: 30 minutes at 2 coins a minute (60 coins held), 10 minimum."""
    return call_booking()


@pytest.fixture
def clock(booked):
    """time-machine's traveller, stopped at the booking's start."""
    booking = booked[0]
    with time_machine.travel(booking.start, tick=False) as traveller:
        yield traveller


@pytest.fixture
def call(booked, clock):
    booking, client, _expert = booked
    room, _role = services.open_call(booking, client)
    return room
