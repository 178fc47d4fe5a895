"""Oscar's payment models with amounts stored to the millime (see commerce/money/fields.py), and
the Stripe records: an order's Checkout Sessions, the webhook events already handled, refunds."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.payment.abstract_models import AbstractSource, AbstractTransaction

from commerce.money.fields import ZERO, money_field


class Transaction(AbstractTransaction):
    amount = money_field(_("Amount"))


class Source(AbstractSource):
    amount_allocated = money_field(_("Amount Allocated"), default=ZERO)
    amount_debited = money_field(_("Amount Debited"), default=ZERO)
    amount_refunded = money_field(_("Amount Refunded"), default=ZERO)


class StripeCheckoutSession(models.Model):
    """An order's Stripe Checkout Session: how the return view and the webhooks find the order, and
    what Stripe was asked to charge (millimes, rounded to Stripe's 10-millime step for TND)."""

    OPEN, COMPLETE, EXPIRED = "open", "complete", "expired"
    STATUSES = ((OPEN, _("Open")), (COMPLETE, _("Complete")), (EXPIRED, _("Expired")))

    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="stripe_sessions", verbose_name=_("order")
    )
    session_id = models.CharField(_("Stripe session id"), max_length=255, unique=True)
    amount = models.PositiveBigIntegerField(_("amount asked (smallest unit)"))
    currency = models.CharField(_("currency"), max_length=3)
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=OPEN)
    payment_intent = models.CharField(_("Stripe payment intent"), max_length=255, blank=True)
    url = models.URLField(_("Stripe checkout page"), max_length=2000)
    date_created = models.DateTimeField(_("date created"), auto_now_add=True)
    date_updated = models.DateTimeField(_("date updated"), auto_now=True)

    class Meta:
        app_label = "payment"
        ordering = ["-date_created", "-pk"]
        verbose_name = _("Stripe checkout session")
        verbose_name_plural = _("Stripe checkout sessions")

    def __str__(self):
        return self.session_id


class ProcessedStripeEvent(models.Model):
    """A Stripe event already handled. Stripe delivers at least once, sometimes twice at the same
    moment: the unique event id, inserted first in the handler's transaction, makes replays no-ops."""

    event_id = models.CharField(_("Stripe event id"), max_length=255, unique=True)
    event_type = models.CharField(_("event type"), max_length=128)
    outcome = models.CharField(_("outcome"), max_length=64, blank=True)
    order_number = models.CharField(_("order number"), max_length=128, blank=True, db_index=True)
    date_processed = models.DateTimeField(_("date processed"), auto_now_add=True)

    class Meta:
        app_label = "payment"
        ordering = ["-date_processed", "-pk"]
        verbose_name = _("processed Stripe event")
        verbose_name_plural = _("processed Stripe events")

    def __str__(self):
        return f"{self.event_id} {self.event_type}"


class StripeRefund(models.Model):
    """One refund through Stripe of some lines of an order (or all of them). ``key`` names the order
    and the line set, so asking twice for the same refund refunds once (here and at Stripe)."""

    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="stripe_refunds", verbose_name=_("order")
    )
    key = models.CharField(_("idempotency key"), max_length=255, unique=True)
    refund_id = models.CharField(_("Stripe refund id"), max_length=255, unique=True)
    amount = money_field(_("amount refunded"))
    amount_minor = models.PositiveBigIntegerField(_("amount refunded (smallest unit)"))
    lines = models.ManyToManyField("order.Line", related_name="stripe_refunds", verbose_name=_("lines"))
    includes_shipping = models.BooleanField(_("includes shipping"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("refunded by"),
    )
    date_created = models.DateTimeField(_("date created"), auto_now_add=True)

    class Meta:
        app_label = "payment"
        ordering = ["-date_created", "-pk"]
        verbose_name = _("Stripe refund")
        verbose_name_plural = _("Stripe refunds")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_minor__gt=0), name="stripe_refund_positive")
        ]

    def __str__(self):
        return self.refund_id


from oscar.apps.payment.models import *  # noqa: E402, F403 isort:skip
