"""What the subscriber changes: cancel at period end (and undo), pause for periods, switch plan with
Stripe's proration."""

from decimal import Decimal

import pytest

from commerce.subscriptions import services
from commerce.subscriptions.exceptions import InvalidPeriods, PlanNotSwitchable
from commerce.subscriptions.models import Subscription, SubscriptionInvoice
from commerce.wallet.selectors import wallet_summary
from tests.factories.subscriptions import deliver, live_periods, make_plan, subscribe


@pytest.fixture
def sub(client, stripe_fake, subscriber, plan, on_commit):
    with on_commit():
        subscribe(client, stripe_fake, subscriber, plan)
    return Subscription.objects.get(user=subscriber)


def test_cancel_at_period_end_stops_renewal_and_ends_the_benefits(client, stripe_fake, sub, on_commit):
    with on_commit():
        services.cancel_at_period_end(sub)
        assert sub.cancel_at_period_end and sub.gives_benefits, "benefits last until the period ends"
        events = live_periods(client, stripe_fake, sub, 2)

    assert [e["type"] for e in events] == ["customer.subscription.deleted"]
    sub.refresh_from_db()
    assert sub.status == Subscription.CANCELED and not sub.gives_benefits
    assert not sub.invoices.filter(billing_reason="subscription_cycle").exists()
    assert wallet_summary(sub.user)[0] == 20


def test_undoing_the_cancellation_before_the_end_keeps_renewing(client, stripe_fake, sub, on_commit):
    with on_commit():
        services.cancel_at_period_end(sub)
        services.resume(sub)
        live_periods(client, stripe_fake, sub)

    sub.refresh_from_db()
    assert sub.status == Subscription.ACTIVE and not sub.cancel_at_period_end
    assert sub.invoices.filter(billing_reason="subscription_cycle", status="paid").count() == 1


def test_a_pause_skips_the_periods_charge_and_benefits_then_billing_resumes(
    client, stripe_fake, sub, on_commit
):
    with on_commit():
        services.pause(sub, 1)
        assert sub.is_paused
        live_periods(client, stripe_fake, sub)
        skipped = sub.invoices.get(billing_reason="subscription_cycle")
        assert skipped.status == SubscriptionInvoice.VOID and skipped.order is None
        assert wallet_summary(sub.user)[0] == 20, "no coins for a paused period"
        live_periods(client, stripe_fake, sub)

    sub.refresh_from_db()
    assert not sub.is_paused and sub.status == Subscription.ACTIVE
    statuses = list(
        sub.invoices.filter(billing_reason="subscription_cycle")
        .order_by("period_start")
        .values_list("status", flat=True)
    )
    assert statuses == ["void", "paid"]
    assert wallet_summary(sub.user)[0] == 40


def test_a_pause_must_last_one_to_twelve_periods(sub, stripe_fake):
    with pytest.raises(InvalidPeriods):
        services.pause(sub, 0)
    assert stripe_fake.subscriptions[sub.stripe_subscription_id]["pause_collection"] is None


def test_switching_plan_prorates_the_unused_time_as_stripe_does(client, stripe_fake, sub, on_commit):
    yearly = make_plan("Cours de couture (annuel)", "390.000", interval="year")
    fake_sub = stripe_fake.subscriptions[sub.stripe_subscription_id]
    item = fake_sub["items"]["data"][0]
    start, end = item["current_period_start"], item["current_period_end"]
    halfway = start + (end - start) // 2
    clock = stripe_fake.customers[sub.stripe_customer_id]["test_clock"]
    stripe_fake.advance_test_clock(clock, halfway)
    unused = (end - halfway) / (end - start)
    expected_credit = -round(39000 * unused / 10) * 10
    expected_charge = round(390000 * unused / 10) * 10

    preview = services.preview_switch(sub, yearly)
    assert [line["amount"] for line in preview["lines"]] == [
        Decimal(expected_credit) / 1000,
        Decimal(expected_charge) / 1000,
    ]
    assert preview["amount"] == Decimal(expected_credit + expected_charge) / 1000

    with on_commit():
        seen = len(stripe_fake.events)
        services.switch_plan(sub, yearly, proration_date=preview["proration_date"])
        deliver(client, stripe_fake, stripe_fake.events[seen:])

    sub.refresh_from_db()
    assert sub.plan == yearly and sub.amount == Decimal("390.000")
    proration = sub.invoices.get(billing_reason="subscription_update")
    assert proration.status == SubscriptionInvoice.PAID and proration.amount == preview["amount"]
    assert proration.order.total_incl_tax == preview["amount"] and proration.coins_granted == 0


def test_switching_to_another_shops_plan_is_refused(sub):
    other = make_plan("Box beauté", "25.000", shop="Carthage Digital")
    with pytest.raises(PlanNotSwitchable):
        services.preview_switch(sub, other)
