"""Delivery methods: one flat-rate courier for physical goods, free above a basket amount."""

from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import Free, NoShippingRequired  # noqa: F401 - Oscar loads them here
from oscar.core import prices

from commerce.partner.strategy import rate_for_tax_code, split_inclusive_price

#: Delivery is a service taxed at the standard rate (Oscar stores the code on the order).
SHIPPING_TAX_CODE = "standard"


class FlatRateDelivery:
    """Home delivery by courier anywhere in Tunisia (price includes VAT), free above a threshold."""

    code = "flat-rate"
    name = _("Courier (2–4 working days)")
    description = _("Delivered to your door by courier in 2 to 4 working days.")
    is_discounted = False

    def calculate(self, basket):
        charge = Decimal(settings.SHIPPING_FLAT_RATE)
        threshold = settings.SHIPPING_FREE_ABOVE
        if threshold and basket.total_incl_tax >= Decimal(threshold):
            charge = Decimal("0.000")
        excl_tax, tax = split_inclusive_price(charge, rate_for_tax_code(SHIPPING_TAX_CODE))
        return prices.Price(currency=basket.currency, excl_tax=excl_tax, tax=tax, tax_code=SHIPPING_TAX_CODE)

    def discount(self, basket):
        return Decimal("0.000")
