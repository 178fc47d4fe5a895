"""The order of a paid subscription invoice, placed and paid through the checkout service like any
card order: the order record, its invoice PDF (issued after commit) and its fulfilment step run
exactly as for a one-off purchase, so the seller's books and the customer's orders show each period.

The order is priced at what Stripe charged (the invoice's amount paid, VAT included), not at the
product's price today: a subscriber keeps the price they subscribed at (Stripe bills the price the
subscription holds), and a proration is ordered at its net amount."""

import logging

from django.db import transaction
from oscar.apps.partner.prices import TaxInclusiveFixedPrice
from oscar.core.loading import get_class, get_model

from commerce.checkout import services as checkout
from commerce.checkout.exceptions import CheckoutError
from commerce.partner.strategy import split_inclusive_price, tax_code, vat_rate

log = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Strategy = get_class("partner.strategy", "TunisianMarketplace")


class ChargedPrice(Strategy):
    """The site's strategy (seller, stock), pricing the invoice's product at what Stripe charged:
    VAT included, broken out at the product's rate as for any price."""

    def __init__(self, charged, request=None):
        super().__init__(request)
        self.charged = charged

    def pricing_policy(self, product, stockrecord):
        price = super().pricing_policy(product, stockrecord)
        if not price.exists:
            return price
        excl_tax, tax = split_inclusive_price(self.charged, vat_rate(product))
        return TaxInclusiveFixedPrice(
            currency=price.currency, excl_tax=excl_tax, tax=tax, tax_code=tax_code(product)
        )


def order_for_invoice(row, product):
    """The order of the paid invoice ``row`` (a locked ``SubscriptionInvoice``): one line of
    ``product`` at ``row.amount``, made once; None when the product can no longer be ordered (the
    invoice stays recorded, and its benefits granted)."""
    if row.order_id:
        return row.order
    sub = row.subscription
    user = sub.user
    strategy = ChargedPrice(row.amount)
    try:
        with transaction.atomic():
            basket = Basket.objects.create(owner=user)
            basket.strategy = strategy
            basket.add_product(product, 1)
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
                strategy=strategy,
            )
            row.order = order
            row.save(update_fields=["order"])
            checkout.confirm_payment(
                order.number, amount=row.amount, reference=row.stripe_invoice_id, provider="stripe"
            )
    except CheckoutError:
        log.exception("Subscription %s: no order for paid invoice %s", sub.pk, row.stripe_invoice_id)
        row.order = None
        return None
    return order
