"""What a paid period grants: the plan's coins, credited once per Stripe invoice (key
``sub:<invoice id>``), and — while the subscription gives benefits — the discount on the shop's
products (``offers``). Registered as the fulfilment step of the "subscription" product class, so
the period's order grants it when the checkout service fulfils it."""

import logging

from django.utils.translation import gettext as _

from commerce.fulfilment.registry import register
from commerce.wallet import services as wallet

from .models import SubscriptionInvoice

log = logging.getLogger(__name__)

#: The product class slug of subscriptions (commerce/demo/catalogue_data.py).
SUBSCRIPTION = "subscription"


def register_fulfilment():
    register(SUBSCRIPTION, fulfil=fulfil_line, requires_account=True)


def coins_key(row):
    return f"sub:{row.stripe_invoice_id}"


def grant_period(row):
    """Credit the plan's coins for the paid period ``row`` (once, whoever calls first); a
    proration's invoice grants nothing (its period was granted when it started)."""
    if row.billing_reason not in SubscriptionInvoice.PERIODS:
        return
    sub = row.subscription
    coins = sub.plan.coins_per_period
    if coins <= 0:
        return
    wallet.credit_coins(
        sub.user,
        coins,
        source="cash_in",
        key=coins_key(row),
        memo=_("Subscription: %(plan)s") % {"plan": sub.plan.product.get_title()},
        reference=row.order.number if row.order_id else row.stripe_invoice_id,
    )
    SubscriptionInvoice.objects.filter(pk=row.pk).update(coins_granted=coins)
    row.coins_granted = coins


def fulfil_line(line):
    """A paid order line of a subscription product: grant its period (the order of a Stripe
    invoice). A subscription product bought outside Stripe Billing grants nothing by itself."""
    row = (
        SubscriptionInvoice.objects.filter(order_id=line.order_id)
        .select_related("subscription__plan")
        .first()
    )
    if row is None:
        log.warning("Order %s: subscription line %s paid outside Stripe Billing", line.order.number, line.pk)
        return
    grant_period(row)
