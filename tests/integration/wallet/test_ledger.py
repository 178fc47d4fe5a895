"""Coins in and out of a wallet: each credit is one balanced transaction, once per key."""

import pytest
from django.conf import settings

from commerce.wallet import services
from commerce.wallet.exceptions import (
    InsufficientCoins,
    InvalidCoins,
    KeyReused,
    ReasonRequired,
    UnknownSource,
)
from commerce.wallet.models import Account, Entry, Transaction
from commerce.wallet.selectors import entries_for, reconcile, wallet_summary
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db
COIN = settings.WALLET_COIN_MILLIMES


def test_a_credit_moves_millimes_from_cash_in_to_the_wallet_in_one_balanced_transaction(shopper):
    # When 20 bought coins are credited
    record = services.credit_coins(shopper, 20, source="cash_in", key="order-1-line-1", memo="Pack 20")

    # Then the wallet holds 20 coins, cash-in gave 10 TND, the entries sum to zero
    assert wallet_summary(shopper) == (20, 0)
    legs = dict(record.entries.values_list("account__kind", "amount"))
    assert legs == {"wallet": 20 * COIN, "cash_in": -20 * COIN}
    assert Account.objects.with_current_balance().get(kind="cash_in").current_balance == -20 * COIN
    assert reconcile().ok


def test_the_same_key_credits_once_and_returns_the_first_transaction(shopper):
    first = services.credit_coins(shopper, 20, source="cash_in", key="k1", memo="Pack 20")

    again = services.credit_coins(shopper, 20, source="cash_in", key="k1", memo="Pack 20")

    assert again.pk == first.pk
    assert wallet_summary(shopper) == (20, 0)
    assert Transaction.objects.count() == 1


def test_a_key_used_by_another_kind_of_operation_is_refused(shopper):
    wallet_with(shopper, 10)
    services.credit_coins(shopper, 5, source="goodwill", key="shared", memo="x")

    with pytest.raises(KeyReused):
        services.return_unspent_coins(shopper, 5, key="shared", memo="x")
    assert wallet_summary(shopper) == (15, 0)


@pytest.mark.parametrize("coins", [0, -3, 1.5, "4", True])
def test_coins_must_be_a_positive_whole_number_and_nothing_is_written(shopper, coins):
    with pytest.raises(InvalidCoins):
        services.credit_coins(shopper, coins, source="cash_in", key="bad", memo="x")
    assert not Transaction.objects.exists()


def test_credits_come_only_from_cash_in_or_goodwill(shopper):
    with pytest.raises(UnknownSource):
        services.credit_coins(shopper, 5, source="revenue", key="bad", memo="x")


def test_goodwill_needs_a_reason_and_records_who_granted_it(shopper, user_in_role):
    agent = user_in_role("Support", is_staff=True)
    with pytest.raises(ReasonRequired):
        services.grant_goodwill(shopper, 5, reason="  ", granted_by=agent)

    record = services.grant_goodwill(shopper, 5, reason="Late answer, sorry", granted_by=agent)

    assert (record.kind, record.memo, record.created_by) == ("goodwill", "Late answer, sorry", agent)
    assert Account.objects.with_current_balance().get(kind="goodwill").current_balance == -5 * COIN
    assert wallet_summary(shopper) == (5, 0)


def test_returning_unspent_coins_takes_them_back_to_cash_in_or_refuses_without_writing(shopper):
    wallet_with(shopper, 30)

    with pytest.raises(InsufficientCoins) as refused:
        services.return_unspent_coins(shopper, 31, key="refund-1", memo="Pack")
    assert (refused.value.needed, refused.value.available) == (31, 30)
    assert not Transaction.objects.filter(kind="refund").exists()

    services.return_unspent_coins(shopper, 30, key="refund-1", memo="Pack")
    assert wallet_summary(shopper) == (0, 0)
    assert reconcile().ok


def test_the_history_lists_wallet_entries_newest_first_filtered_by_kind(shopper, user_in_role):
    wallet_with(shopper, 10)
    services.grant_goodwill(shopper, 3, reason="Welcome", granted_by=user_in_role("Support"))
    services.hold(shopper, 4, reference="Question", key="h1")

    history = list(entries_for(shopper))
    assert [(entry.transaction.kind, entry.coins) for entry in history] == [
        ("hold", -4),
        ("goodwill", 3),
        ("cash_in", 10),
    ]
    assert [entry.transaction.kind for entry in entries_for(shopper, kind="goodwill")] == ["goodwill"]
    assert Entry.objects.count() == 6
