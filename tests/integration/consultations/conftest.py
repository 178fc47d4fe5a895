"""Paid messages: a listed expert (text 10 coins, video 25) and a client holding coins."""

import pytest

from tests.factories import make_user
from tests.factories.experts import make_expert
from tests.factories.wallet import wallet_with


@pytest.fixture
def expert(db):
    return make_expert("expert@example.com", "Nour Haddad", text_price=10, video_price=25)


@pytest.fixture
def client_user(db):
    user = make_user("client@example.com")
    wallet_with(user, 100)
    return user
