"""A declining card at renewal: past_due while Stripe retries (dunning emails in the customer's
language), then recovery with a new card through the billing portal, or the end after the last retry."""

from django.core import mail

from commerce.payment.stripe.fake.billing import DECLINING_CARD, RETRY_DAYS
from commerce.subscriptions import services
from commerce.subscriptions.models import Subscription, SubscriptionInvoice
from commerce.wallet.selectors import wallet_summary
from tests.factories.subscriptions import deliver, live_periods, subscribe


def _subscribed(client, stripe_fake, subscriber, plan):
    subscribe(client, stripe_fake, subscriber, plan)
    return Subscription.objects.get(user=subscriber)


def _advance_days(client, fake, sub, days):
    from commerce.subscriptions.models import StripeCustomer

    clock = StripeCustomer.objects.get(user=sub.user).test_clock_id
    seen = len(fake.events)
    fake.advance_test_clock(clock, fake.test_clocks[clock]["frozen_time"] + days * 86400 + 60)
    return deliver(client, fake, fake.events[seen:])


def test_a_declined_renewal_is_past_due_and_the_customer_is_told_in_french(
    client, stripe_fake, subscriber, plan, on_commit
):
    with on_commit():
        sub = _subscribed(client, stripe_fake, subscriber, plan)
        stripe_fake.set_card(sub.stripe_customer_id, DECLINING_CARD)
        mail.outbox.clear()
        live_periods(client, stripe_fake, sub)

    sub.refresh_from_db()
    assert sub.status == Subscription.PAST_DUE and sub.gives_benefits, "past_due is the grace period"
    failed = sub.invoices.get(billing_reason="subscription_cycle")
    assert failed.status == SubscriptionInvoice.OPEN and failed.next_payment_attempt and failed.order is None
    dunning = [m for m in mail.outbox if "abonnement" in m.subject]
    assert [m.subject for m in dunning] == [
        f"Échec du paiement de votre abonnement {plan.product.get_title()}"
    ]
    assert "Nous réessaierons le" in dunning[0].body
    assert wallet_summary(subscriber)[0] == 20, "a failed period grants no coins"


def test_a_new_card_in_the_billing_portal_pays_the_open_invoice_and_recovers(
    client, stripe_fake, subscriber, plan, on_commit
):
    with on_commit():
        sub = _subscribed(client, stripe_fake, subscriber, plan)
        stripe_fake.set_card(sub.stripe_customer_id, DECLINING_CARD)
        live_periods(client, stripe_fake, sub)
        portal = services.billing_portal_url(sub, "http://testserver/fr/accounts/subscriptions/")
        seen = len(stripe_fake.events)
        stripe_fake.update_card_in_portal(portal.rsplit("/", 1)[-1])
        deliver(client, stripe_fake, stripe_fake.events[seen:])

    sub.refresh_from_db()
    assert sub.status == Subscription.ACTIVE
    renewal = sub.invoices.get(billing_reason="subscription_cycle")
    assert renewal.status == SubscriptionInvoice.PAID and renewal.order.is_paid
    assert wallet_summary(subscriber)[0] == 40


def test_the_subscription_ends_after_the_last_retry_fails_and_its_benefits_stop(
    client, stripe_fake, subscriber, plan, on_commit
):
    with on_commit():
        sub = _subscribed(client, stripe_fake, subscriber, plan)
        stripe_fake.set_card(sub.stripe_customer_id, DECLINING_CARD)
        mail.outbox.clear()
        live_periods(client, stripe_fake, sub)
        for days in RETRY_DAYS:
            _advance_days(client, stripe_fake, sub, days)

    sub.refresh_from_db()
    assert sub.status == Subscription.CANCELED and not sub.gives_benefits and sub.ended_at
    assert sub.invoices.get(billing_reason="subscription_cycle").status == SubscriptionInvoice.UNCOLLECTIBLE
    subjects = [m.subject for m in mail.outbox]
    title = plan.product.get_title()
    assert subjects.count(f"Échec du paiement de votre abonnement {title}") == len(RETRY_DAYS) + 1
    assert subjects[-1] == f"Votre abonnement {title} est terminé"
    assert wallet_summary(subscriber)[0] == 20
