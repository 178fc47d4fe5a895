"""Bookings tests: a client with coins, an instant expert and an expert who confirms requests."""

import pytest

from tests.factories import make_user
from tests.factories.bookings import bookable_expert
from tests.factories.wallet import wallet_with


@pytest.fixture
def client_user(db):
    user = make_user("client@example.com")
    wallet_with(user, 500)
    return user


@pytest.fixture
def instant(db):
    return bookable_expert("instant@example.com", mode="instant")


@pytest.fixture
def on_request(db):
    return bookable_expert("request@example.com", mode="on_request")
