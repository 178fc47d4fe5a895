"""Only events signed by Stripe with our secret, and recent, are applied: anything else is a 400
that changes nothing."""

import time

import pytest
from oscar.core.loading import get_model

from commerce.order import statuses
from tests.factories.stripe import post_event

ProcessedStripeEvent = get_model("payment", "ProcessedStripeEvent")
Order = get_model("order", "Order")


@pytest.fixture
def completed_event(checkout_session, stripe_fake):
    return stripe_fake.pay(checkout_session.session_id)


def test_a_correctly_signed_event_is_applied(client, completed_event, stripe_fake, card_order):
    response = post_event(client, completed_event, fake=stripe_fake)

    assert response.status_code == 200
    assert response.json() == {"received": True, "outcome": "confirmed"}
    assert ProcessedStripeEvent.objects.get().event_id == completed_event["id"]
    assert Order.objects.get(pk=card_order.pk).status == statuses.PAID


@pytest.mark.parametrize(
    "tampering",
    [
        pytest.param({"secret": "whsec_forged_by_someone_else"}, id="forged-signature"),
        pytest.param({"timestamp": int(time.time()) - 301}, id="stale-timestamp"),
        pytest.param({"altered": True}, id="altered-body"),
        pytest.param({"no_header": True}, id="no-signature"),
    ],
)
def test_an_event_not_signed_by_stripe_is_refused_and_changes_nothing(
    client, completed_event, stripe_fake, card_order, tampering
):
    # Given an event for a pending order, tampered with
    if tampering.get("no_header"):
        response = client.post("/payments/stripe/webhook/", data=b"{}", content_type="application/json")
    else:
        body = None
        if tampering.get("altered"):
            signed, _header = stripe_fake.signed(completed_event)
            body = signed.replace(b'"payment_status": "paid"', b'"payment_status": "paid" ')
            assert body != signed
        response = post_event(
            client,
            completed_event,
            fake=stripe_fake,
            timestamp=tampering.get("timestamp"),
            secret=tampering.get("secret"),
            body=body,
        )

    # Then it is refused, no event is recorded and the order is untouched
    assert response.status_code == 400
    assert not ProcessedStripeEvent.objects.exists()
    order = Order.objects.get(pk=card_order.pk)
    assert (order.status, order.paid_at) == (statuses.PENDING_PAYMENT, None)
    assert not order.payment_events.exists()


def test_the_webhook_needs_no_csrf_token_and_no_language_prefix(completed_event, stripe_fake):
    from django.test import Client

    response = post_event(Client(enforce_csrf_checks=True), completed_event, fake=stripe_fake)
    assert response.status_code == 200


def test_only_post_is_accepted(client):
    assert client.get("/payments/stripe/webhook/").status_code == 405
