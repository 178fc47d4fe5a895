"""Races closed in the database: real PostgreSQL, one connection per thread, a barrier to start."""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from commerce.wallet import services
from commerce.wallet.exceptions import HoldNotPending, InsufficientCoins
from commerce.wallet.models import Account, Hold, Transaction
from commerce.wallet.selectors import reconcile, wallet_summary
from tests.factories.wallet import run_together, wallet_with

pytestmark = pytest.mark.django_db(transaction=True)
COIN = settings.WALLET_COIN_MILLIMES


def test_50_concurrent_holds_of_10_coins_on_100_coins_exactly_10_succeed(shopper):
    wallet_with(shopper, 100)

    results = run_together(50, lambda i: services.hold(shopper, 10, reference=f"Q{i}", key=f"q-{i}"))

    held = [result for result in results if isinstance(result, Hold)]
    refused = [result for result in results if isinstance(result, InsufficientCoins)]
    assert (len(held), len(refused)) == (10, 40), [
        r for r in results if not isinstance(r, Hold | InsufficientCoins)
    ]
    assert wallet_summary(shopper) == (0, 100)
    assert Account.objects.with_current_balance().get(kind="escrow").current_balance == 100 * COIN
    assert reconcile().ok


def test_a_capture_and_a_void_racing_on_one_hold_exactly_one_wins(shopper, expert):
    for round_ in range(5):
        wallet_with(shopper, 10)
        held = services.hold(shopper, 10, reference="Q", key=f"race-{round_}")

        def work(i, pk=held.pk):
            target = Hold.objects.select_related("wallet").get(pk=pk)
            return services.capture(target, earner=expert) if i % 2 else services.void(target)

        results = run_together(8, work)

        wins = [result for result in results if isinstance(result, Transaction)]
        losers = [result for result in results if isinstance(result, HoldNotPending)]
        assert len(wins) + len(losers) == 8, results
        assert len({win.pk for win in wins}) == 1
        assert Transaction.objects.filter(hold=held, kind__in=["capture", "void"]).count() == 1
    assert reconcile().ok


def test_the_same_credit_sent_20_times_at_once_credits_once(shopper):
    results = run_together(
        20, lambda i: services.credit_coins(shopper, 7, source="cash_in", key="webhook-1", memo="x")
    )

    assert len({result.pk for result in results}) == 1, results
    assert wallet_summary(shopper) == (7, 0)


def test_sweeps_and_captures_racing_on_due_holds_resolve_each_hold_once(shopper, expert):
    # Given 12 holds past their expiry (escrow opened before the wallet: lower primary key, locked first)
    services.escrow_account()
    wallet_with(shopper, 120)
    past = timezone.now() - timedelta(minutes=1)
    holds = [services.hold(shopper, 10, reference="Q", key=f"due-{i}", expires_at=past) for i in range(12)]

    # When two beat sweeps run while each hold's expert answers (captures) at the same moment
    def work(i):
        if i < 2:
            return services.expire_due_holds()
        target = Hold.objects.select_related("wallet").get(pk=holds[i - 2].pk)
        return services.capture(target, earner=expert)

    results = run_together(14, work)

    # Then every hold was resolved exactly once, by a sweep or by its capture
    expired = results[0] + results[1]
    captured = [result for result in results[2:] if isinstance(result, Transaction)]
    assert all(isinstance(result, Transaction | HoldNotPending) for result in results[2:]), results
    assert expired + len(captured) == 12
    assert Hold.objects.filter(status="pending").count() == 0
    assert wallet_summary(shopper) == (expired * 10, 0)
    assert reconcile().ok


def test_reconciling_while_coins_move_finds_nothing_wrong(shopper, expert):
    # Given a shopper holding and capturing coins without pause in another thread
    wallet_with(shopper, 1000)
    done = threading.Event()

    def spend():
        try:
            for i in range(150):
                held = services.hold(shopper, 1, reference="Q", key=f"live-{i}")
                services.capture(held, earner=expert) if i % 2 else services.void(held)
        finally:
            done.set()
            connection.close()

    spender = threading.Thread(target=spend)
    spender.start()

    # When the nightly check runs meanwhile, again and again
    reports = []
    while not done.is_set():
        reports.append(reconcile())
    spender.join()

    # Then every run saw one consistent state of the books
    assert reports and all(report.ok for report in reports), [r.violations for r in reports if not r.ok][:3]
