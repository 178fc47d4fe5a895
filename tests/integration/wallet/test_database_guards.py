"""The database refuses what the ledger must never hold, even when the service layer is bypassed."""

import pytest
from django.conf import settings
from django.db import IntegrityError, ProgrammingError, connection, transaction

from commerce.wallet import services
from commerce.wallet.models import Account, Entry
from tests.factories.wallet import wallet_with

COIN = settings.WALLET_COIN_MILLIMES


def sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.mark.django_db
def test_an_entry_cannot_be_updated_nor_deleted(shopper):
    wallet_with(shopper, 10)
    entry = Entry.objects.first()

    with pytest.raises(ProgrammingError, match="Cannot update or delete"), transaction.atomic():
        sql("UPDATE wallet_entry SET amount = amount * 2 WHERE id = %s", [entry.pk])
    with pytest.raises(ProgrammingError, match="Cannot update or delete"), transaction.atomic():
        sql("DELETE FROM wallet_entry WHERE id = %s", [entry.pk])
    with pytest.raises(ProgrammingError, match="Cannot update or delete"), transaction.atomic():
        sql("UPDATE wallet_transaction SET memo = 'changed'")


@pytest.mark.django_db(transaction=True)
def test_a_transaction_whose_entries_do_not_sum_to_zero_is_refused_at_commit(shopper):
    wallet = wallet_with(shopper, 10)

    # When someone records coins out of nowhere (the balance cache kept consistent), then commits
    with pytest.raises(IntegrityError, match="does not balance"), transaction.atomic():
        sql(
            "INSERT INTO wallet_transaction (kind, memo, reference, idempotency_key, created_at) "
            "VALUES ('goodwill', '', '', 'forged', now())"
        )
        sql(
            "INSERT INTO wallet_entry (transaction_id, account_id, amount) "
            "SELECT id, %s, %s FROM wallet_transaction WHERE idempotency_key = 'forged'",
            [wallet.pk, COIN],
        )
        sql("UPDATE wallet_account SET balance = balance + %s WHERE id = %s", [COIN, wallet.pk])

    # Then nothing of it stayed
    assert wallet.entries.count() == 1
    assert Account.objects.get(pk=wallet.pk).balance == 10 * COIN


@pytest.mark.django_db
def test_a_wallet_cannot_go_negative_nor_hold_part_of_a_coin(shopper):
    wallet = wallet_with(shopper, 10)

    with pytest.raises(IntegrityError, match="wallet_funded_accounts_not_negative"), transaction.atomic():
        sql("UPDATE wallet_account SET balance = -500 WHERE id = %s", [wallet.pk])
    with pytest.raises(IntegrityError, match="wallet_holds_whole_coins"), transaction.atomic():
        sql("UPDATE wallet_account SET balance = balance - 1 WHERE id = %s", [wallet.pk])
    escrow = services.escrow_account()
    with pytest.raises(IntegrityError, match="wallet_funded_accounts_not_negative"), transaction.atomic():
        sql("UPDATE wallet_account SET balance = -1 WHERE id = %s", [escrow.pk])


@pytest.mark.django_db
def test_one_wallet_per_user_and_one_account_of_each_platform_kind(shopper):
    wallet_with(shopper, 1)

    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(kind="wallet", user=shopper)
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(kind="cash_in")
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(kind="revenue", user=shopper)
