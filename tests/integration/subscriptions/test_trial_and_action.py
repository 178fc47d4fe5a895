"""A trial grants no paid period until it ends (with a warning before); a renewal the bank wants
confirmed asks the subscriber to act."""

from django.core import mail

from commerce.payment.stripe.fake.billing import ACTION_REQUIRED_CARD
from commerce.subscriptions.models import Subscription
from commerce.wallet.selectors import wallet_summary
from tests.factories.subscriptions import live_periods, make_plan, subscribe


def test_a_trial_starts_free_warns_before_its_end_then_bills_the_first_period(
    client, stripe_fake, subscriber, on_commit
):
    plan = make_plan(trial_days=7, coins_per_period=20)
    with on_commit():
        subscribe(client, stripe_fake, subscriber, plan)
        sub = Subscription.objects.get()
        assert sub.status == Subscription.TRIALING and sub.gives_benefits
        assert not sub.invoices.filter(order__isnull=False).exists() and wallet_summary(subscriber)[0] == 0
        mail.outbox.clear()
        live_periods(client, stripe_fake, sub)

    sub.refresh_from_db()
    assert sub.status == Subscription.ACTIVE
    assert sub.invoices.get(billing_reason="subscription_cycle").order.is_paid
    assert wallet_summary(subscriber)[0] == 20
    assert any(m.subject.startswith("Votre essai de") for m in mail.outbox)


def test_a_renewal_needing_the_customers_action_tells_them(client, stripe_fake, subscriber, plan, on_commit):
    with on_commit():
        subscribe(client, stripe_fake, subscriber, plan)
        sub = Subscription.objects.get()
        stripe_fake.set_card(sub.stripe_customer_id, ACTION_REQUIRED_CARD)
        mail.outbox.clear()
        live_periods(client, stripe_fake, sub)

    subjects = [m.subject for m in mail.outbox]
    assert f"Confirmez le paiement de votre abonnement {plan.product.get_title()}" in subjects
    sub.refresh_from_db()
    assert sub.status == Subscription.PAST_DUE
