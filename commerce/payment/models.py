"""Oscar's payment models with amounts stored to the millime (see commerce/money/fields.py), and
the Stripe records (an order's Checkout Sessions, the webhook events already handled) and refunds."""

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


class Refund(models.Model):
    """Money given back for some units of an order's lines and/or its shipping: to the card through
    Stripe, or as a voucher.

    A card refund is written ``pending`` (with what it covers) before Stripe is called, outside any
    row lock, and becomes ``succeeded`` on Stripe's answer or its webhook, whichever comes first;
    ``key`` is the idempotency key sent to Stripe, so completing a pending refund again never
    refunds twice. Only one refund of an order may be pending at a time.
    """

    CARD, VOUCHER = "card", "voucher"
    METHODS = ((CARD, _("Card")), (VOUCHER, _("Voucher")))
    PENDING, SUCCEEDED, FAILED = "pending", "succeeded", "failed"
    STATUSES = ((PENDING, _("Pending")), (SUCCEEDED, _("Refunded")), (FAILED, _("Failed")))

    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="refunds", verbose_name=_("order")
    )
    key = models.CharField(_("idempotency key"), max_length=255, unique=True)
    method = models.CharField(_("method"), max_length=8, choices=METHODS, default=CARD)
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=PENDING)
    #: Money given back (card: what Stripe refunds, in its 10-millime steps for TND).
    amount = money_field(_("amount refunded"))
    amount_minor = models.PositiveBigIntegerField(_("amount refunded (smallest unit)"), null=True, blank=True)
    #: Part of the shipping charge (incl. tax) this refund covers.
    shipping = money_field(_("shipping refunded"), default=ZERO)
    stripe_refund_id = models.CharField(_("Stripe refund id"), max_length=255, blank=True)
    voucher = models.ForeignKey(
        "voucher.Voucher",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="refunds",
        verbose_name=_("voucher"),
    )
    #: Why the money is given back (cancellation, return …): an English message of the catalogue,
    #: translated where it is shown, in the reader's language.
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    #: Stripe's refusal, for a failed refund.
    error = models.CharField(_("error"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("refunded by"),
    )
    date_created = models.DateTimeField(_("date created"), auto_now_add=True)
    date_completed = models.DateTimeField(_("date completed"), null=True, blank=True)
    #: When the customer's email about this refund went out (it is sent once).
    customer_notified_at = models.DateTimeField(_("customer notified at"), null=True, blank=True)

    class Meta:
        app_label = "payment"
        ordering = ["-date_created", "-pk"]
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payment_refund_positive"),
            models.CheckConstraint(condition=models.Q(shipping__gte=0), name="payment_refund_shipping"),
            models.UniqueConstraint(
                fields=["stripe_refund_id"],
                condition=~models.Q(stripe_refund_id=""),
                name="payment_refund_one_per_stripe_refund",
            ),
            models.UniqueConstraint(
                fields=["order"],
                condition=models.Q(status="pending"),
                name="payment_refund_one_pending_per_order",
            ),
        ]

    def __str__(self):
        return self.stripe_refund_id or self.key

    @property
    def is_pending(self):
        return self.status == self.PENDING


class RefundLine(models.Model):
    """How many units of one order line a refund covers, and their price incl. tax; no units for an
    amount given back without taking anything back (a goodwill gesture, a fee share)."""

    refund = models.ForeignKey(
        Refund, on_delete=models.CASCADE, related_name="lines", verbose_name=_("refund")
    )
    line = models.ForeignKey(
        "order.Line", on_delete=models.PROTECT, related_name="refund_lines", verbose_name=_("order line")
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    amount = money_field(_("amount (incl. tax)"))

    class Meta:
        app_label = "payment"
        ordering = ["pk"]
        verbose_name = _("refunded line")
        verbose_name_plural = _("refunded lines")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0) | models.Q(quantity=0, amount__gt=0),
                name="payment_refund_line_quantity",
            ),
            models.UniqueConstraint(fields=["refund", "line"], name="payment_refund_line_once"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.line_id}"


from oscar.apps.payment.models import *  # noqa: E402, F403 isort:skip
