"""A card purchase end to end over real HTTP: the stripe library creates the session at the fake, the
shopper pays on the fake's test-mode page, the fake POSTs the signed webhook to the live site."""

import pytest
import requests
from oscar.core.loading import get_model

from commerce.order import statuses
from commerce.payment.stripe import sessions
from tests.factories.stripe import WEBHOOK_PATH

from .conftest import ONCE, fulfilments

Order = get_model("order", "Order")
ProcessedStripeEvent = get_model("payment", "ProcessedStripeEvent")


@pytest.mark.django_db(transaction=True)
def test_paying_on_the_test_mode_page_fulfils_the_order_through_the_signed_webhook(
    live_server, stripe_fake, card_order
):
    # Given a card order sent to Stripe's (the fake's) page, and the fake pointed at the live site
    stripe_fake.webhook_url = live_server.url + WEBHOOK_PATH
    record = sessions.start_checkout(
        card_order,
        success_url=f"{live_server.url}/en/checkout/stripe/return/?session_id={{CHECKOUT_SESSION_ID}}",
        cancel_url=f"{live_server.url}/en/basket/",
    )
    millimes = int(card_order.total_incl_tax * 1000)  # 2 × 49.905 + 12.500 + shipping, in millimes
    assert millimes % 10 == 0 and record.amount == millimes and record.currency == "tnd"
    browser = requests.Session()
    page = browser.get(record.url, timeout=10)
    assert "Mode test — aucun paiement réel" in page.text  # the order was placed in French

    # When the shopper pays
    paid = browser.post(record.url, data={"action": "pay"}, allow_redirects=False, timeout=30)

    # Then the fake delivered the signed event, which paid the order once, and sends the shopper back
    assert stripe_fake.deliveries == [(stripe_fake.events_of("checkout.session.completed")[0]["id"], 200)]
    order = Order.objects.get(pk=card_order.pk)
    assert order.status == statuses.PAID and order.is_paid
    assert ProcessedStripeEvent.objects.get().outcome == "confirmed"
    assert (
        paid.headers["Location"]
        == f"{live_server.url}/en/checkout/stripe/return/?session_id={record.session_id}"
    )

    # When the browser follows the success URL (after the webhook here), it lands on the thank-you page
    back = browser.get(paid.headers["Location"], timeout=30)
    assert back.status_code == 200
    assert back.url.endswith("/en/checkout/thank-you/")
    assert order.number in back.text
    assert fulfilments(order) == ONCE
