"""The ledger against a model of it: random sequences of credits, holds, captures (part or all),
voids, expiries, refunds, payouts and replayed requests; after every step the reconciliation finds nothing
wrong and every wallet and earnings account shows what the model expects.

``make test`` runs ``WALLET_STATEFUL_EXAMPLES`` sequences (default 30) of up to
``WALLET_STATEFUL_STEPS`` steps (default 30); ``make stress-wallet`` runs many more and prints the
step rate.
"""

import os
import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
    run_state_machine_as_test,
)

from commerce.users.models import User
from commerce.wallet import services
from commerce.wallet.exceptions import HoldNotPending, InsufficientCoins, InsufficientEarnings
from commerce.wallet.models import Account
from commerce.wallet.selectors import reconcile, wallet_summary

EXAMPLES = int(os.environ.get("WALLET_STATEFUL_EXAMPLES", "30"))
STEPS = int(os.environ.get("WALLET_STATEFUL_STEPS", "30"))
USERS = 3
COIN = django_settings.WALLET_COIN_MILLIMES


class LedgerMachine(RuleBasedStateMachine):
    """Each example runs in a savepoint rolled back at teardown: every sequence starts empty."""

    steps = 0
    holds = Bundle("holds")
    keys = Bundle("credit_keys")

    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.users = [User.objects.create(email=f"user{i}@example.com") for i in range(USERS)]
        self.expert = User.objects.create(email="expert@example.com")
        self.coins = [0] * USERS
        self.earned = 0
        self.pending = {}  # hold pk -> (user index, coins, due)
        self.counter = 0

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def next_key(self, prefix):
        self.counter += 1
        return f"{prefix}-{self.counter}"

    @rule(
        target=keys,
        user=st.integers(0, USERS - 1),
        coins=st.integers(1, 60),
        source=st.sampled_from(["cash_in", "goodwill"]),
    )
    def credit(self, user, coins, source):
        key = self.next_key("credit")
        services.credit_coins(self.users[user], coins, source=source, key=key, memo="")
        self.coins[user] += coins
        return (user, coins, source, key)

    @rule(credit=keys)
    def replay_credit(self, credit):
        user, coins, source, key = credit
        services.credit_coins(self.users[user], coins, source=source, key=key, memo="")  # moves nothing

    @rule(target=holds, user=st.integers(0, USERS - 1), coins=st.integers(1, 40), due=st.booleans())
    def hold(self, user, coins, due):
        expires_at = timezone.now() + (timedelta(minutes=-1) if due else timedelta(hours=1))
        key = self.next_key("hold")
        if coins > self.coins[user]:
            with pytest.raises(InsufficientCoins):
                services.hold(self.users[user], coins, reference="test", key=key, expires_at=expires_at)
            return None
        held = services.hold(self.users[user], coins, reference="test", key=key, expires_at=expires_at)
        self.coins[user] -= coins
        self.pending[held.pk] = (user, coins, due)
        return held

    @rule(held=consumes(holds), share=st.floats(0, 1))
    def capture(self, held, share):
        if held is None:
            return
        part = max(1, round(held.coins * share))
        if held.pk not in self.pending:
            with pytest.raises(HoldNotPending):
                services.capture(held, coins=part, earner=self.expert, key=self.next_key("capture"))
            return
        services.capture(held, coins=part, earner=self.expert)
        user, coins, _due = self.pending.pop(held.pk)
        self.coins[user] += coins - part
        self.earned += services.split(part * COIN)[0]

    @rule(held=holds)
    def void(self, held):
        if held is None:
            return
        if held.pk not in self.pending:
            with pytest.raises(HoldNotPending):
                services.void(held, key=self.next_key("void"))
            return
        services.void(held)
        user, coins, _due = self.pending.pop(held.pk)
        self.coins[user] += coins

    @rule()
    def expire(self):
        due = {pk: hold for pk, hold in self.pending.items() if hold[2]}
        assert services.expire_due_holds() == len(due)
        for pk, (user, coins, _due) in due.items():
            self.coins[user] += coins
            del self.pending[pk]

    @rule(user=st.integers(0, USERS - 1), coins=st.integers(1, 60))
    def refund(self, user, coins):
        key = self.next_key("refund")
        if coins > self.coins[user]:
            with pytest.raises(InsufficientCoins):
                services.return_unspent_coins(self.users[user], coins, key=key, memo="")
            return
        services.return_unspent_coins(self.users[user], coins, key=key, memo="")
        self.coins[user] -= coins

    @rule(millimes=st.integers(1, 20_000), withhold=st.booleans())
    def pay_out(self, millimes, withhold):
        key = self.next_key("payout")
        if millimes > self.earned:
            with pytest.raises(InsufficientEarnings):
                services.record_payout(self.expert, millimes, withhold_tax=withhold, key=key)
            return
        services.record_payout(self.expert, millimes, withhold_tax=withhold, key=key)
        self.earned -= millimes

    @invariant()
    def books_balance(self):
        LedgerMachine.steps += 1
        report = reconcile()
        assert report.ok, report.violations
        for index, user in enumerate(self.users):
            held = sum(coins for owner, coins, _due in self.pending.values() if owner == index)
            assert wallet_summary(user) == (self.coins[index], held)
        earnings = Account.objects.filter(kind="earnings", user=self.expert).values_list("balance", flat=True)
        assert sum(earnings) == self.earned


@pytest.mark.django_db
def test_the_ledger_keeps_its_invariants_through_random_operations():
    started, LedgerMachine.steps = time.monotonic(), 0
    run_state_machine_as_test(
        LedgerMachine,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
    elapsed = time.monotonic() - started
    rate = LedgerMachine.steps / elapsed
    print(f"\nwallet state machine: {LedgerMachine.steps} steps in {elapsed:.1f} s ({rate:.0f} steps/s)")
