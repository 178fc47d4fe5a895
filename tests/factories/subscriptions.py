"""Subscription plans and subscribers, and living through Stripe Billing on the fake: subscribe
through Checkout, deliver the events the fake recorded (as Stripe would POST them), advance the
customer's test clock."""

from oscar.core.loading import get_model

from tests.factories.catalogue import product_for_sale
from tests.factories.stripe import post_event

ProductClass = get_model("catalogue", "ProductClass")


def subscription_class():
    return ProductClass.objects.get_or_create(
        slug="subscription",
        defaults={"name": "Subscription", "track_stock": False, "requires_shipping": False},
    )[0]


def make_plan(title="Cours de couture (mensuel)", price="39.000", *, shop="Jebba & Co", **fields):
    """A subscription product of ``shop`` and its plan (``interval``, ``coins_per_period`` …)."""
    from commerce.subscriptions.models import Plan

    product = product_for_sale(title, price, shop=shop, stock=None, product_class=subscription_class())[0]
    return Plan.objects.create(product=product, **{"interval": "month", **fields})


def deliver(client, fake, events):
    """POST ``events`` to the webhook, signed; answers their outcomes."""
    outcomes = []
    for event in events:
        response = post_event(client, event, fake=fake)
        assert response.status_code == 200, response.content
        outcomes.append(response.json()["outcome"])
    return outcomes


def subscribe(client, fake, user, plan, *, deliver_events=True):
    """``user`` subscribes to ``plan`` through the fake's Checkout; returns the new events (delivered
    unless ``deliver_events`` is False)."""
    from commerce.subscriptions import services

    url = services.start_checkout(
        user,
        plan.product,
        success_url="http://testserver/fr/accounts/subscriptions/",
        cancel_url="http://testserver/",
    )
    seen = len(fake.events)
    fake.pay(url.rstrip("/").rsplit("/", 1)[-1])
    events = fake.events[seen:]
    if deliver_events:
        deliver(client, fake, events)
    return events


def live_periods(client, fake, sub, periods=1, *, deliver_events=True):
    """Advance the subscriber's test clock ``periods`` periods; returns (and delivers) the events."""
    from commerce.subscriptions import services

    seen = len(fake.events)
    services.advance_test_clock(sub, periods)
    events = fake.events[seen:]
    if deliver_events:
        deliver(client, fake, events)
    return events
