"""``hold``, ``capture`` and ``void`` send one statement: alone in autocommit outside a transaction,
in a savepoint inside a caller's. Either way a refusal writes nothing, and a caller's rollback
takes the hold and its capture with it."""

import pytest
from django.db import connection, transaction

from commerce.wallet import services
from commerce.wallet.exceptions import InsufficientCoins, KeyReused
from commerce.wallet.models import Hold, Transaction
from commerce.wallet.selectors import reconcile, wallet_summary
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db(transaction=True)


def test_outside_a_transaction_a_refused_hold_or_capture_writes_nothing(shopper, expert):
    wallet_with(shopper, 10)
    assert not connection.in_atomic_block  # each service call commits on its own
    spent = services.hold(shopper, 4, reference="Q", key="q-1")
    services.capture(spent, earner=expert, key="answer-1")
    pending = services.hold(shopper, 4, reference="Q", key="q-2")

    with pytest.raises(InsufficientCoins):
        services.hold(shopper, 3, reference="Q", key="q-3")
    with pytest.raises(KeyReused):
        services.capture(pending, earner=expert, key="answer-1")

    assert not Hold.objects.filter(idempotency_key="q-3").exists()
    assert Hold.objects.get(pk=pending.pk).status == Hold.Status.PENDING
    assert wallet_summary(shopper) == (2, 4)
    assert reconcile().ok


def test_inside_a_callers_transaction_a_refusal_leaves_it_usable_and_its_rollback_undoes_all(shopper, expert):
    wallet_with(shopper, 10)

    with pytest.raises(RuntimeError), transaction.atomic():
        held = services.hold(shopper, 5, reference="Q", key="q-1")
        services.capture(held, earner=expert, key="answer-1")
        with pytest.raises(InsufficientCoins):
            services.hold(shopper, 6, reference="Q", key="q-2")
        assert Hold.objects.count() == 1  # the caller's transaction goes on
        raise RuntimeError("the caller fails after spending")

    assert not Hold.objects.exists()
    assert not Transaction.objects.filter(hold__isnull=False).exists()
    assert wallet_summary(shopper) == (10, 0)
    assert reconcile().ok
