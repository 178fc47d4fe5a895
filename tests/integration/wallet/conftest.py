"""Wallet tests: a shopper, an expert who earns, a support agent who grants."""

import pytest

from tests.factories import make_user


@pytest.fixture
def shopper(db):
    return make_user("shopper@example.com")


@pytest.fixture
def expert(db):
    return make_user("expert@example.com")
