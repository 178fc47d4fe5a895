"""Payments tests: a product in stock, a card order awaiting payment, its Stripe session on the fake."""

import pytest

from commerce.payment.stripe import sessions
from tests.factories import make_product
from tests.factories.stripe import checkout_urls, place_card_order


@pytest.fixture
def tajine(db):
    return make_product(title="Tajine", price="49.905", num_in_stock=10, partner_name="Dar Fakhar")


@pytest.fixture
def plate(db):
    return make_product(title="Plate", price="12.500", num_in_stock=5, partner_name="Jebba & Co")


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
