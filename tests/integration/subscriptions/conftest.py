"""Subscriptions tests: a subscriber, a monthly plan granting coins, on the local fake of Stripe."""

import pytest

from tests.factories import make_user
from tests.factories.subscriptions import make_plan


@pytest.fixture
def subscriber(db):
    return make_user("nour@example.com", first_name="Nour", last_name="Trabelsi", language="fr")


@pytest.fixture
def plan(db):
    return make_plan(coins_per_period=20)


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run ``transaction.on_commit`` callbacks (invoices, notices) as the block's transactions commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
