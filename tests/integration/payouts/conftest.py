"""Payout tests: an approved expert (withholding at source), a client with coins, a platform admin,
and captures made through the wallet's services like any consultation's."""

import itertools

import pytest

from commerce.users.roles import PLATFORM_ADMINS, SHOPPERS
from commerce.wallet import services as wallet
from tests.factories import make_user
from tests.factories.experts import make_expert
from tests.factories.wallet import wallet_with

_keys = itertools.count()


@pytest.fixture
def admin(db):
    return make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True)


@pytest.fixture
def expert_profile(admin):
    return make_expert("nour@example.com", "Nour Haddad", admin=admin)


@pytest.fixture
def expert(expert_profile):
    return expert_profile.user


@pytest.fixture
def client_user(db):
    user = make_user("client@example.com", role=SHOPPERS)
    wallet_with(user, 1000)
    return user


@pytest.fixture
def consult(client_user):
    """``consult(expert, coins, reference)``: the client pays ``coins`` for a consultation the
    expert answered (hold then capture, as any paid message or call does)."""

    def make(expert, coins, reference="Question"):
        number = next(_keys)
        held = wallet.hold(client_user, coins, reference=reference, key=f"consult-{number}")
        wallet.capture(held, earner=expert)
        return held

    return make
