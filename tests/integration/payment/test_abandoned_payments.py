"""Payments that will not happen cancel the unpaid order (stock released, basket back); a declined
card does not, since the shopper may try again on the same page."""

import pytest
from oscar.core.loading import get_model

from commerce.checkout.services import cancel_unpaid_order
from commerce.order import statuses
from tests.factories.stripe import post_event

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockMovement = get_model("partner", "StockMovement")


def assert_cancelled_and_basket_back(order):
    order = Order.objects.get(pk=order.pk)
    assert order.status == statuses.CANCELLED and not order.is_paid
    releases = StockMovement.objects.filter(order_line__order=order, reason=StockMovement.CANCELLATION)
    assert sorted(-movement.allocated_change for movement in releases) == [1, 2]
    assert Basket.objects.get(pk=order.basket_id).status == Basket.OPEN


def test_an_expired_session_cancels_the_order(client, stripe_fake, card_order, checkout_session):
    _session, expired = stripe_fake.expire(checkout_session.session_id)

    response = post_event(client, expired, fake=stripe_fake)

    assert response.json()["outcome"] == "cancelled"
    assert_cancelled_and_basket_back(card_order)


def test_a_delayed_payment_that_fails_cancels_the_order(client, stripe_fake, card_order, checkout_session):
    completed = stripe_fake.pay(checkout_session.session_id, payment_status="unpaid")
    assert post_event(client, completed, fake=stripe_fake).json()["outcome"] == "payment-pending"

    failed = stripe_fake.settle_async(checkout_session.session_id, succeeded=False)

    assert post_event(client, failed, fake=stripe_fake).json()["outcome"] == "cancelled"
    assert_cancelled_and_basket_back(card_order)


def test_a_delayed_payment_that_succeeds_pays_the_order(client, stripe_fake, card_order, checkout_session):
    stripe_fake.pay(checkout_session.session_id, payment_status="unpaid")

    succeeded = stripe_fake.settle_async(checkout_session.session_id, succeeded=True)

    assert post_event(client, succeeded, fake=stripe_fake).json()["outcome"] == "confirmed"
    assert Order.objects.get(pk=card_order.pk).status == statuses.PAID


def test_a_declined_card_leaves_the_order_waiting_for_another_try(
    client, stripe_fake, card_order, checkout_session
):
    declined = stripe_fake.decline(checkout_session.session_id)

    assert post_event(client, declined, fake=stripe_fake).json()["outcome"] == "payment-pending"
    assert Order.objects.get(pk=card_order.pk).status == statuses.PENDING_PAYMENT

    # and the shopper can still pay
    assert post_event(client, stripe_fake.pay(checkout_session.session_id), fake=stripe_fake).json() == {
        "received": True,
        "outcome": "confirmed",
    }


def test_a_payment_intent_that_can_no_longer_succeed_cancels_the_order(
    client, stripe_fake, card_order, checkout_session
):
    intent = stripe_fake.decline(checkout_session.session_id)["data"]["object"]
    final = stripe_fake.event("payment_intent.payment_failed", {**intent, "status": "canceled"})

    assert post_event(client, final, fake=stripe_fake).json()["outcome"] == "cancelled"
    assert_cancelled_and_basket_back(card_order)


@pytest.mark.parametrize("kind", ["customer.created", "charge.refunded"])
def test_other_events_are_acknowledged_and_ignored(client, stripe_fake, kind, db):
    event = stripe_fake.event(kind, {"id": "obj_1", "object": kind.split(".")[0]})
    assert post_event(client, event, fake=stripe_fake).json()["outcome"] == "ignored"


def test_money_arriving_for_a_cancelled_order_goes_back(
    client, stripe_fake, card_order, checkout_session, django_capture_on_commit_callbacks
):
    # Given an order cancelled (say by staff) while its Stripe page was still open
    cancel_unpaid_order(card_order.number, reason="Cancelled by staff")

    # When the shopper pays anyway
    completed = stripe_fake.pay(checkout_session.session_id)
    with django_capture_on_commit_callbacks() as after_commit:
        response = post_event(client, completed, fake=stripe_fake)

    # Then nothing was asked of Stripe while the order was locked; after commit, the whole payment
    # is refunded and the order stays cancelled
    assert response.json()["outcome"] == "refunded-late-payment"
    assert not stripe_fake.refunds
    for callback in after_commit:
        callback()
    (refund,) = stripe_fake.refunds.values()
    assert refund["amount"] == checkout_session.amount
    assert Order.objects.get(pk=card_order.pk).status == statuses.CANCELLED
