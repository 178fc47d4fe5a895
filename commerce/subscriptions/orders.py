"""The order of a paid subscription period, placed and paid through the checkout service like any
card order: the order record, its invoice PDF (issued after commit) and its fulfilment step run
exactly as for a one-off purchase, so the seller's books and the customer's orders show each period."""

import logging

from django.db import transaction
from oscar.core.loading import get_class, get_model

from commerce.checkout import services as checkout
from commerce.checkout.exceptions import CheckoutError

log = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Selector = get_class("partner.strategy", "Selector")


def order_for_period(row):
    """The order of the paid period ``row`` (a locked ``SubscriptionInvoice``), made once; None when
    the product can no longer be ordered (the period stays recorded, and its benefits granted)."""
    if row.order_id:
        return row.order
    sub = row.subscription
    user = sub.user
    try:
        with transaction.atomic():
            basket = Basket.objects.create(owner=user)
            basket.strategy = Selector().strategy(user=user)
            basket.add_product(sub.plan.product, 1)
            customer = checkout.Customer(
                user.first_name or user.email,
                user.last_name,
                user.email,
                getattr(user, "phone", "") or "",
                user,
            )
            order = checkout.place_order(
                basket=basket,
                customer=customer,
                payment_method=Order.CARD,
                language=getattr(user, "language", "") or "fr",
            )
            row.order = order
            row.save(update_fields=["order"])
            checkout.confirm_payment(
                order.number, amount=order.total_incl_tax, reference=row.stripe_invoice_id, provider="stripe"
            )
    except CheckoutError:
        log.exception("Subscription %s: no order for paid invoice %s", sub.pk, row.stripe_invoice_id)
        row.order = None
        return None
    return order
