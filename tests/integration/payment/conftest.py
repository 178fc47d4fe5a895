"""Payments tests: a product in stock, a card order awaiting payment, its Stripe session on the fake."""

import pytest

from commerce.payment.stripe import sessions
from tests.factories.catalogue import product_for_sale
from tests.factories.stripe import checkout_urls, place_card_order


@pytest.fixture
def tajine(db):
    return product_for_sale(title="Tajine", price="49.905", stock=10, shop="Dar Fakhar")[0]


@pytest.fixture
def plate(db):
    return product_for_sale(title="Plate", price="12.500", stock=5, shop="Jebba & Co")[0]


@pytest.fixture
def card_order(tajine, plate):
    return place_card_order([(tajine, 2), (plate, 1)], email="buyer@example.com")


@pytest.fixture
def checkout_session(card_order, stripe_fake):
    """The order's Checkout Session, created at the fake through the stripe library."""
    return sessions.start_checkout(card_order, **checkout_urls())


def fulfilments(order):
    """How many times the order was fulfilled, counted in every place a fulfilment leaves a trace."""
    from django.core import mail
    from oscar.core.loading import get_model

    from commerce.order import statuses

    OrderStatusChange = get_model("order", "OrderStatusChange")
    Transaction = get_model("payment", "Transaction")
    return {
        "payment events": order.payment_events.filter(event_type__code="paid").count(),
        "status changes to paid": OrderStatusChange.objects.filter(
            order=order, new_status=statuses.PAID
        ).count(),
        "emails": sum(order.email in message.to for message in mail.outbox),
        "stripe debits": Transaction.objects.filter(source__order=order, txn_type="Debit").count(),
    }


ONCE = {"payment events": 1, "status changes to paid": 1, "emails": 1, "stripe debits": 1}
