"""Stripe delivers events at least once and in any order: each period is applied once (coins
credited once), a stale subscription update never moves a subscription back."""

import pytest
from django.test import Client

from commerce.subscriptions import services
from commerce.subscriptions.models import Subscription, SubscriptionInvoice
from commerce.wallet.selectors import wallet_summary
from tests.factories.stripe import post_event
from tests.factories.subscriptions import deliver, live_periods, subscribe
from tests.factories.wallet import run_together


@pytest.mark.django_db(transaction=True)
def test_a_renewal_replayed_10_times_at_once_and_out_of_order_is_applied_once(stripe_fake, subscriber, plan):
    client = Client()
    subscribe(client, stripe_fake, subscriber, plan)
    sub = Subscription.objects.get(user=subscriber)
    events = live_periods(client, stripe_fake, sub, deliver_events=False)
    paid = next(event for event in events if event["type"] == "invoice.paid")

    outcomes = run_together(10, lambda i: post_event(Client(), paid, fake=stripe_fake).json()["outcome"])
    again = stripe_fake.event("invoice.paid", paid["data"]["object"])  # the same invoice, another event
    outcomes += deliver(client, stripe_fake, [again])
    deliver(client, stripe_fake, [event for event in reversed(events) if event is not paid])

    assert sorted(outcomes) == ["already-applied", *["already-processed"] * 9, "applied"], outcomes
    sub.refresh_from_db()
    assert sub.status == Subscription.ACTIVE
    renewal = sub.invoices.get(billing_reason="subscription_cycle")
    assert renewal.status == SubscriptionInvoice.PAID and renewal.coins_granted == 20
    assert sub.invoices.filter(order__isnull=False).count() == 2
    assert wallet_summary(subscriber)[0] == 40


def test_first_events_delivered_backwards_still_make_one_active_subscription(
    client, stripe_fake, subscriber, plan
):
    events = subscribe(client, stripe_fake, subscriber, plan, deliver_events=False)

    outcomes = deliver(client, stripe_fake, list(reversed(events)))

    assert "applied" in outcomes
    sub = Subscription.objects.get(user=subscriber)
    assert sub.status == Subscription.ACTIVE and sub.current_period_end
    assert sub.invoices.get().order.is_paid
    assert wallet_summary(subscriber)[0] == 20


def test_an_update_older_than_the_last_applied_is_ignored(client, stripe_fake, subscriber, plan):
    subscribe(client, stripe_fake, subscriber, plan)
    sub = Subscription.objects.get(user=subscriber)
    old = stripe_fake.event(
        "customer.subscription.updated", stripe_fake.subscriptions[sub.stripe_subscription_id]
    )
    services.cancel_at_period_end(sub)
    newer = stripe_fake.events_of("customer.subscription.updated")[-1]
    old["created"] = newer["created"] - 10

    assert deliver(client, stripe_fake, [newer, old]) == ["applied", "stale"]
    sub.refresh_from_db()
    assert sub.cancel_at_period_end
