"""Oscar's order models with amounts stored to the millime (see commerce/money/fields.py)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import (
    AbstractLine,
    AbstractLinePrice,
    AbstractOrder,
    AbstractOrderDiscount,
    AbstractOrderLineDiscount,
    AbstractPaymentEvent,
    AbstractSurcharge,
)

from commerce.money.fields import ZERO, money_field


class Order(AbstractOrder):
    total_incl_tax = money_field(_("Order total (inc. tax)"))
    total_excl_tax = money_field(_("Order total (excl. tax)"))
    shipping_incl_tax = money_field(_("Shipping charge (inc. tax)"), default=ZERO)
    shipping_excl_tax = money_field(_("Shipping charge (excl. tax)"), default=ZERO)


class Line(AbstractLine):
    line_price_incl_tax = money_field(_("Price (inc. tax)"))
    line_price_excl_tax = money_field(_("Price (excl. tax)"))
    line_price_before_discounts_incl_tax = money_field(_("Price before discounts (inc. tax)"))
    line_price_before_discounts_excl_tax = money_field(_("Price before discounts (excl. tax)"))
    unit_price_incl_tax = money_field(_("Unit Price (inc. tax)"), blank=True, null=True)
    unit_price_excl_tax = money_field(_("Unit Price (excl. tax)"), blank=True, null=True)


class LinePrice(AbstractLinePrice):
    price_incl_tax = money_field(_("Price (inc. tax)"))
    price_excl_tax = money_field(_("Price (excl. tax)"))
    shipping_incl_tax = money_field(_("Shiping (inc. tax)"), default=ZERO)
    shipping_excl_tax = money_field(_("Shipping (excl. tax)"), default=ZERO)


class PaymentEvent(AbstractPaymentEvent):
    amount = money_field(_("Amount"))


class OrderDiscount(AbstractOrderDiscount):
    amount = money_field(_("Amount"), default=ZERO)


class OrderLineDiscount(AbstractOrderLineDiscount):
    amount = money_field(_("Line discount (excl. tax)"), default=ZERO)


class Surcharge(AbstractSurcharge):
    incl_tax = money_field(_("Surcharge (inc. tax)"), default=ZERO)
    excl_tax = money_field(_("Surcharge (excl. tax)"), default=ZERO)


from oscar.apps.order.models import *  # noqa: E402, F403 isort:skip
