"""The shopper's ways back from Stripe's page: the success redirect (before the webhook, or twice)
and the cancel link (back to a basket that is still there)."""

import pytest
from django.core import signing
from oscar.core.loading import get_model

from commerce.order import statuses
from commerce.payment.stripe import views
from tests.factories.stripe import post_event

from .conftest import ONCE, fulfilments

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


def return_url(record):
    return f"/en/checkout/stripe/return/?session_id={record.session_id}"


def cancel_url(order):
    return f"/en/checkout/stripe/cancel/?order={signing.dumps(order.number, salt=views.CANCEL_SALT)}"


@pytest.mark.django_db(transaction=True)  # emails leave after commit
def test_the_success_redirect_before_the_webhook_and_twice_fulfils_once(
    client, stripe_fake, card_order, checkout_session
):
    # Given a session paid at Stripe whose webhook has not arrived yet
    completed = stripe_fake.pay(checkout_session.session_id)

    # When the shopper comes back, twice
    first = client.get(return_url(checkout_session))
    second = client.get(return_url(checkout_session))

    # Then the order was confirmed from Stripe's own answer, once, and the shopper is thanked
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == "/en/checkout/thank-you/"
    assert client.session["checkout_order_id"] == card_order.pk
    assert Order.objects.get(pk=card_order.pk).status == statuses.PAID
    assert ("GET", f"/v1/checkout/sessions/{checkout_session.session_id}") in stripe_fake.requests

    # When the webhook arrives after all
    response = post_event(client, completed, fake=stripe_fake)

    # Then it changes nothing
    assert response.json()["outcome"] == "already-paid"
    assert fulfilments(Order.objects.get(pk=card_order.pk)) == ONCE


def test_a_return_before_the_payment_settles_says_it_is_pending(
    client, stripe_fake, card_order, checkout_session
):
    # Given a delayed payment method: the session is complete but not paid yet
    stripe_fake.pay(checkout_session.session_id, payment_status="unpaid")

    # When the shopper comes back
    response = client.get(return_url(checkout_session), follow=False)

    # Then the order is not paid and the shopper is told it is being processed
    assert response.url == "/en/checkout/thank-you/"
    assert Order.objects.get(pk=card_order.pk).status == statuses.PENDING_PAYMENT
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("being processed" in m for m in messages)


def test_an_unknown_session_is_not_found(client, stripe_fake, db):
    assert client.get("/en/checkout/stripe/return/?session_id=cs_test_unknown").status_code == 404
    assert client.get("/en/checkout/stripe/cancel/?order=forged").status_code == 404


def test_cancelling_on_stripe_closes_the_session_cancels_the_order_and_keeps_the_basket(
    client, stripe_fake, card_order, checkout_session
):
    # When the shopper cancels on Stripe's page and comes back through the cancel URL
    response = client.get(cancel_url(card_order))

    # Then the session can no longer be paid, the order is cancelled, its stock released
    assert response.status_code == 302 and response.url == "/en/basket/"
    assert stripe_fake.sessions[checkout_session.session_id]["status"] == "expired"
    order = Order.objects.get(pk=card_order.pk)
    assert order.status == statuses.CANCELLED
    for line in order.lines.all():
        line.stockrecord.refresh_from_db()
        assert line.stockrecord.num_allocated == 0

    # And the basket is open again with its lines
    basket = Basket.objects.get(pk=order.basket_id)
    assert basket.status == Basket.OPEN
    assert sorted(line.quantity for line in basket.lines.all()) == [1, 2]

    # When Stripe's expired event follows, it changes nothing
    stripe_fake.wait_for_deliveries()
    (expired,) = stripe_fake.events_of("checkout.session.expired")
    assert post_event(client, expired, fake=stripe_fake).json()["outcome"] == "nothing-to-do"


def test_a_cancel_link_followed_after_paying_settles_instead(
    client, stripe_fake, card_order, checkout_session
):
    # Given the shopper paid in one tab
    stripe_fake.pay(checkout_session.session_id)

    # When an older tab follows the cancel link
    response = client.get(cancel_url(card_order))

    # Then the order is paid, not cancelled
    assert response.url == "/en/checkout/thank-you/"
    assert Order.objects.get(pk=card_order.pk).status == statuses.PAID
