"""The local fake of Stripe for tests, and the settings that point the project at it.

``stripe_fake`` starts a fresh fake per test on a free loopback port (a thread; milliseconds) and
sets ``STRIPE_API_BASE``/``STRIPE_WEBHOOK_SECRET``; the project then talks to it through the real
``stripe`` library. Events are only recorded unless the test sets ``stripe_fake.webhook_url``.
"""

import pytest

from commerce.payment.stripe.fake import start

WEBHOOK_SECRET = "whsec_test_local_fake_0123456789abcdef"
WEBHOOK_PATH = "/payments/stripe/webhook/"


@pytest.fixture
def stripe_fake(settings):
    """The fake's state (``FakeStripe``): sessions, refunds, events; ``.pay()``, ``.expire()`` …"""
    running = start(webhook_secret=WEBHOOK_SECRET)
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_API_BASE = running.url
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    yield running.app
    running.stop()


def post_event(client, event, *, fake, timestamp=None, secret=None, body=None):
    """POST ``event`` to the webhook with a Django test client, signed as Stripe would sign it."""
    signed_body, header = fake.signed(event, timestamp=timestamp, secret=secret)
    return client.post(
        WEBHOOK_PATH,
        data=signed_body if body is None else body,
        content_type="application/json",
        headers={"Stripe-Signature": header},
    )


def place_card_order(items, *, user=None, email="shopper@example.com", language="fr"):
    """A card order awaiting payment, placed by the checkout service: stock held, basket frozen.

    ``items``: ``[(product, quantity), …]`` put in a new basket of ``user`` (or a guest's).
    """
    from commerce.checkout import services
    from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia

    ensure_tunisia()
    customer = services.Customer(
        GUEST.first_name, GUEST.last_name, user.email if user else email, GUEST.phone, user
    )
    return services.place_order(
        basket=basket_with(*items, owner=user),
        customer=customer,
        payment_method="card",
        delivery=TUNIS,
        language=language,
    )


def checkout_urls(base="http://testserver"):
    return {
        "success_url": f"{base}/en/checkout/stripe/return/?session_id={{CHECKOUT_SESSION_ID}}",
        "cancel_url": f"{base}/en/basket/",
    }


def pay(order, client, fake):
    """Pay ``order`` at the fake and deliver Stripe's webhook: the order is paid, as in production."""
    from oscar.core.loading import get_model

    from commerce.payment.stripe import sessions

    record = sessions.start_checkout(order, **checkout_urls())
    response = post_event(client, fake.pay(record.session_id), fake=fake)
    assert response.json()["outcome"] == "confirmed", response.content
    return get_model("order", "Order").objects.get(pk=order.pk)
