"""Subscribe through the fake's Checkout, renew by advancing the test clock: each paid period has
its order, its invoice PDF and its coins, once."""

from commerce.subscriptions.models import Subscription, SubscriptionInvoice
from commerce.wallet.selectors import wallet_summary
from tests.factories.subscriptions import live_periods, subscribe


def test_subscribing_through_checkout_makes_an_active_subscription_with_its_first_order(
    client, stripe_fake, subscriber, plan, on_commit
):
    with on_commit():
        subscribe(client, stripe_fake, subscriber, plan)

    sub = Subscription.objects.get(user=subscriber)
    assert sub.status == Subscription.ACTIVE
    assert sub.plan == plan and str(sub.amount) == "39.000"
    first = sub.invoices.get()
    assert first.status == SubscriptionInvoice.PAID and first.billing_reason == "subscription_create"
    assert first.order.is_paid and first.order.total_incl_tax == plan.product.stockrecords.get().price
    assert first.order.invoices.get().pdf, "the period's invoice PDF goes through the invoices app"
    assert wallet_summary(subscriber)[0] == 20


def test_advancing_the_clock_a_period_renews_with_a_new_order_and_coins(
    client, stripe_fake, subscriber, plan, on_commit
):
    with on_commit():
        subscribe(client, stripe_fake, subscriber, plan)
        sub = Subscription.objects.get(user=subscriber)
        first_end = sub.current_period_end
        live_periods(client, stripe_fake, sub)

    sub.refresh_from_db()
    assert sub.status == Subscription.ACTIVE
    assert sub.current_period_start == first_end
    renewal = sub.invoices.get(billing_reason="subscription_cycle")
    assert renewal.status == SubscriptionInvoice.PAID and renewal.period_start == first_end
    assert renewal.order.is_paid and renewal.order.invoices.get().pdf
    assert sub.invoices.filter(order__isnull=False).count() == 2
    assert wallet_summary(subscriber)[0] == 40
