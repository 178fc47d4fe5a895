"""Escrow holds: coins leave the wallet, then resolve exactly once (capture all or part, void,
expire), and a capture splits the coins between the earner and the platform to the millime."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from commerce.wallet import services
from commerce.wallet.exceptions import CaptureTooLarge, HoldNotPending, InsufficientCoins
from commerce.wallet.models import Account, AccountPart, Hold, Transaction
from commerce.wallet.selectors import holds_for, reconcile, wallet_summary
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db
COIN = settings.WALLET_COIN_MILLIMES


def balance(kind, user=None):
    return Account.objects.with_current_balance().get(kind=kind, user=user).current_balance


def test_a_hold_moves_coins_to_escrow_until_it_resolves(shopper):
    wallet_with(shopper, 100)

    held = services.hold(shopper, 30, reference="Question to Dr Ben Ali", key="message-1")

    assert held.status == Hold.Status.PENDING
    assert wallet_summary(shopper) == (70, 30)
    assert balance("escrow") == 30 * COIN
    assert held.expires_at > timezone.now() + timedelta(hours=settings.WALLET_HOLD_TTL_HOURS - 1)
    assert list(holds_for(shopper, status="pending")) == [held]
    assert reconcile().ok


def test_a_hold_larger_than_the_wallet_is_refused_and_writes_nothing(shopper):
    wallet_with(shopper, 5)

    with pytest.raises(InsufficientCoins):
        services.hold(shopper, 6, reference="Call", key="call-1")

    assert not Hold.objects.exists()
    assert wallet_summary(shopper) == (5, 0)


def test_the_same_hold_key_holds_once(shopper):
    wallet_with(shopper, 100)
    first = services.hold(shopper, 10, reference="Q", key="message-1")

    again = services.hold(shopper, 10, reference="Q", key="message-1")

    assert again.pk == first.pk
    assert wallet_summary(shopper) == (90, 10)


def test_a_full_capture_pays_the_earner_80_percent_and_the_platform_the_rest(shopper, expert):
    wallet_with(shopper, 100)
    held = services.hold(shopper, 30, reference="Q", key="m1")

    record = services.capture(held, earner=expert)

    assert record.kind == "capture"
    held.refresh_from_db()
    assert (held.status, held.captured_coins, held.earner) == ("captured", 30, expert)
    assert balance("earnings", expert) == 12_000  # 30 coins × 500 × 80 %
    assert balance("revenue") == 3_000
    assert balance("escrow") == 0
    assert wallet_summary(shopper) == (70, 0)
    assert reconcile().ok


def test_a_spend_adds_to_the_platform_accounts_parts_and_a_drifted_part_is_reported(shopper, expert):
    # Given a spend: a hold, then its capture
    wallet_with(shopper, 10)
    services.capture(services.hold(shopper, 2, reference="Q", key="p1"), earner=expert)

    # Then the escrow and revenue rows were not written (concurrent spends do not queue on them):
    # their legs are in this connection's part, and each account still sums to its entries
    rows = dict(Account.objects.filter(user=None).values_list("kind", "balance"))
    assert (rows["escrow"], rows["revenue"]) == (0, 0)
    parts = dict(AccountPart.objects.values_list("account__kind", "balance"))
    assert parts == {"cash_in": -10 * COIN, "escrow": 0, "revenue": 200}  # cash_in: the coins bought
    assert balance("revenue") == 200
    assert reconcile().ok

    # When a part is changed behind the ledger's back, the reconciliation says which account
    AccountPart.objects.filter(account__kind="revenue").update(balance=999)
    report = reconcile()
    assert not report.ok
    assert any("999" in problem and "200" in problem for problem in report.violations), report.violations


def test_a_partial_capture_returns_the_rest_to_the_wallet(shopper, expert):
    # Given 40 coins held for a call of at most 40 minutes
    wallet_with(shopper, 50)
    held = services.hold(shopper, 40, reference="Call", key="call-1")

    # When the call lasted 13 minutes
    services.capture(held, coins=13, earner=expert)

    # Then 13 coins are split, 27 went back
    assert wallet_summary(shopper) == (37, 0)
    assert balance("earnings", expert) + balance("revenue") == 13 * COIN
    assert balance("earnings", expert) == 5_200
    assert held.returned_coins == 27
    assert reconcile().ok


def test_a_capture_cannot_exceed_the_hold(shopper, expert):
    wallet_with(shopper, 50)
    held = services.hold(shopper, 10, reference="Q", key="m1")

    with pytest.raises(CaptureTooLarge):
        services.capture(held, coins=11, earner=expert)
    assert Hold.objects.get().status == "pending"


def test_a_hold_resolves_once_void_then_capture_is_refused(shopper, expert):
    wallet_with(shopper, 50)
    held = services.hold(shopper, 10, reference="Q", key="m1")

    services.void(held)
    with pytest.raises(HoldNotPending):
        services.capture(Hold.objects.get(pk=held.pk), earner=expert)

    assert wallet_summary(shopper) == (50, 0)
    assert Transaction.objects.filter(hold=held).count() == 2
    assert reconcile().ok


def test_capturing_again_returns_the_first_capture_and_moves_nothing(shopper, expert):
    wallet_with(shopper, 50)
    held = services.hold(shopper, 10, reference="Q", key="m1")
    first = services.capture(held, earner=expert, key="answer-1")

    assert services.capture(Hold.objects.get(pk=held.pk), earner=expert, key="answer-1").pk == first.pk
    assert services.capture(Hold.objects.get(pk=held.pk), earner=expert).pk == first.pk
    assert balance("earnings", expert) == 4_000


def test_beat_expires_only_due_holds_and_gives_their_coins_back(shopper):
    wallet_with(shopper, 50)
    now = timezone.now()
    due = services.hold(shopper, 10, reference="Old", key="m1", expires_at=now - timedelta(minutes=1))
    later = services.hold(shopper, 5, reference="New", key="m2", expires_at=now + timedelta(hours=1))

    assert services.expire_due_holds(now) == 1
    assert services.expire_due_holds(now) == 0

    assert Hold.objects.get(pk=due.pk).status == "expired"
    assert Hold.objects.get(pk=later.pk).status == "pending"
    assert wallet_summary(shopper) == (45, 5)
    assert reconcile().ok


def test_a_key_naming_another_wallets_hold_or_another_holds_capture_is_refused(shopper, expert):
    from commerce.wallet.exceptions import KeyReused
    from tests.factories import make_user

    other = make_user("other@example.com")
    wallet_with(shopper, 20)
    wallet_with(other, 20)
    first = services.hold(shopper, 5, reference="Q", key="m1")
    second = services.hold(shopper, 5, reference="Q", key="m2")
    services.capture(first, earner=expert, key="answer-1")

    with pytest.raises(KeyReused):
        services.hold(other, 5, reference="Q", key="m1")
    with pytest.raises(KeyReused):
        services.capture(second, earner=expert, key="answer-1")
    assert wallet_summary(other) == (20, 0)
    assert Hold.objects.get(pk=second.pk).status == "pending"
