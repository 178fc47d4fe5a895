"""A plan switch's proration invoice: an upgrade is charged and ordered (its order and invoice PDF,
once per invoice, no period's coins), a downgrade becomes the customer's Stripe credit, shown on
"my subscriptions" and drawn on by the next renewal, whose order is what Stripe then charged."""

import copy
from decimal import Decimal

import pytest

from commerce.subscriptions import services
from commerce.subscriptions.models import Subscription
from commerce.wallet.selectors import wallet_summary
from tests.factories.subscriptions import deliver, live_periods, make_plan, subscribe


def halfway_through_the_period(fake, sub):
    item = fake.subscriptions[sub.stripe_subscription_id]["items"]["data"][0]
    halfway = item["current_period_start"] + (item["current_period_end"] - item["current_period_start"]) // 2
    fake.advance_test_clock(fake.customers[sub.stripe_customer_id]["test_clock"], halfway)


def switch(client, fake, sub, plan):
    seen = len(fake.events)
    services.switch_plan(sub, plan)
    events = fake.events[seen:]
    deliver(client, fake, events)
    return events


@pytest.fixture
def monthly(plan):
    return plan


def test_an_upgrade_is_charged_and_ordered_once_per_invoice(
    client, stripe_fake, subscriber, monthly, on_commit
):
    yearly = make_plan("Cours de couture (annuel)", "390.000", interval="year", coins_per_period=300)
    with on_commit():
        subscribe(client, stripe_fake, subscriber, monthly)
    sub = Subscription.objects.get(user=subscriber)
    halfway_through_the_period(stripe_fake, sub)

    with on_commit():
        events = switch(client, stripe_fake, sub, yearly)
        paid = next(e for e in events if e["type"] == "invoice.paid")
        replays = [{**copy.deepcopy(paid), "id": f"{paid['id']}_again{n}"} for n in range(3)]
        assert deliver(client, stripe_fake, replays) == ["already-applied"] * 3

    proration = sub.invoices.get(billing_reason="subscription_update")
    charged = stripe_fake.invoices[proration.stripe_invoice_id]["amount_paid"]
    assert charged > 0 and proration.amount == Decimal(charged) / 1000
    order = proration.order
    assert order.is_paid and order.total_incl_tax == proration.amount
    assert [line.product for line in order.lines.all()] == [yearly.product]
    assert order.invoices.get().pdf
    assert sub.invoices.filter(order__isnull=False).count() == 2
    assert wallet_summary(subscriber)[0] == 20, "a proration grants no period's coins"


def test_a_downgrade_becomes_credit_that_pays_part_of_the_next_renewal(
    client, stripe_fake, subscriber, monthly, on_commit
):
    basic = make_plan("Cours de couture (essentiel)", "25.000")
    with on_commit():
        subscribe(client, stripe_fake, subscriber, monthly)
    sub = Subscription.objects.get(user=subscriber)
    halfway_through_the_period(stripe_fake, sub)

    with on_commit():
        switch(client, stripe_fake, sub, basic)

    proration = sub.invoices.get(billing_reason="subscription_update")
    fake_customer = stripe_fake.customers[sub.stripe_customer_id]
    credit = Decimal(-fake_customer["balance"]) / 1000
    assert credit > 0 and proration.amount == 0 and proration.order is None
    assert proration.credit_added == credit
    client.force_login(subscriber)
    page = client.get("/fr/accounts/subscriptions/")
    assert page.context["credit"] == credit
    assert f'data-credit="{credit:.3f}"' in page.content.decode()

    with on_commit():
        live_periods(client, stripe_fake, sub)

    renewal = sub.invoices.get(billing_reason="subscription_cycle")
    stripe_renewal = stripe_fake.invoices[renewal.stripe_invoice_id]
    expected = Decimal("25.000") - credit
    assert Decimal(stripe_renewal["amount_paid"]) / 1000 == expected == renewal.amount
    assert renewal.order.total_incl_tax == expected and renewal.order.lines.get().product == basic.product
    assert client.get("/fr/accounts/subscriptions/").context["credit"] == 0
