"""Oscar's order models: amounts to the millime, payment method, seller commission, who changed what.

See commerce/money/fields.py for the amounts and commerce/order/statuses.py for the pipeline.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import (
    AbstractLine,
    AbstractLinePrice,
    AbstractOrder,
    AbstractOrderDiscount,
    AbstractOrderLineDiscount,
    AbstractOrderStatusChange,
    AbstractPaymentEvent,
    AbstractShippingEvent,
    AbstractSurcharge,
)

from commerce.money.fields import ZERO, money_field


def changed_by_field():
    """Who made a status change; empty for the system (webhooks, tasks) or a deleted account."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )


class Order(AbstractOrder):
    """One checkout, possibly across several sellers; each seller fulfils only its own lines."""

    CARD, CASH_ON_DELIVERY = "card", "cod"
    PAYMENT_METHODS = ((CARD, _("Card")), (CASH_ON_DELIVERY, _("Cash on delivery")))

    total_incl_tax = money_field(_("Order total (inc. tax)"))
    total_excl_tax = money_field(_("Order total (excl. tax)"))
    shipping_incl_tax = money_field(_("Shipping charge (inc. tax)"), default=ZERO)
    shipping_excl_tax = money_field(_("Shipping charge (excl. tax)"), default=ZERO)
    payment_method = models.CharField(
        _("payment method"), max_length=8, choices=PAYMENT_METHODS, default=CARD
    )
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    #: Emails and the invoice speak the language the customer ordered in.
    language = models.CharField(_("language"), max_length=8, default="fr")
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    @property
    def is_paid(self):
        return self.paid_at is not None


class Line(AbstractLine):
    """An order line of one seller, with the platform's commission fixed when the order is placed."""

    line_price_incl_tax = money_field(_("Price (inc. tax)"))
    line_price_excl_tax = money_field(_("Price (excl. tax)"))
    line_price_before_discounts_incl_tax = money_field(_("Price before discounts (inc. tax)"))
    line_price_before_discounts_excl_tax = money_field(_("Price before discounts (excl. tax)"))
    unit_price_incl_tax = money_field(_("Unit Price (inc. tax)"), blank=True, null=True)
    unit_price_excl_tax = money_field(_("Unit Price (excl. tax)"), blank=True, null=True)
    commission_rate = models.DecimalField(
        _("commission rate"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.2000"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    commission_amount = money_field(_("commission (inc. tax)"), default=ZERO)

    @property
    def description(self):
        """The title, then the chosen variant ("Size: M, Colour: Red") and any options, so every
        page, email and invoice that describes a line names what was bought, not just its SKU."""
        from commerce.order.selectors import variant_summary

        description = super().description
        variant = variant_summary(self)
        return f"{description} ({variant})" if variant else description

    class Meta(AbstractLine.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(commission_rate__gte=0, commission_rate__lte=1),
                name="order_line_commission_rate_between_0_and_1",
            ),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="order_line_quantity_positive"),
        ]


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


class ShippingEvent(AbstractShippingEvent):
    """Oscar's shipping event (a seller's lines leave or reach the customer), with the parcel's
    tracking and the moment the customer was told, so the email goes once per event."""

    tracking_number = models.CharField(_("tracking number"), max_length=64, blank=True)
    carrier = models.CharField(_("carrier"), max_length=64, blank=True)
    customer_notified_at = models.DateTimeField(_("customer notified at"), null=True, blank=True)


class OrderStatusChange(AbstractOrderStatusChange):
    """Oscar's status history, plus who made the change (empty for the system: webhooks, tasks)."""

    changed_by = changed_by_field()


class LineStatusChange(models.Model):
    """History of one seller line's status (Oscar keeps none for lines)."""

    line = models.ForeignKey("order.Line", on_delete=models.CASCADE, related_name="status_changes")
    old_status = models.CharField(_("old status"), max_length=100, blank=True)
    new_status = models.CharField(_("new status"), max_length=100)
    changed_by = changed_by_field()
    date_created = models.DateTimeField(_("date created"), auto_now_add=True, db_index=True)

    class Meta:
        app_label = "order"
        ordering = ["-date_created", "-pk"]
        verbose_name = _("line status change")
        verbose_name_plural = _("line status changes")

    def __str__(self):
        return f"{self.line_id}: {self.old_status} → {self.new_status}"


from oscar.apps.order.models import *  # noqa: E402, F403 isort:skip
