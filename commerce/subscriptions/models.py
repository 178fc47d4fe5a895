"""Plans (one per subscription product), the Stripe customer of a user, subscriptions and the
invoices of their periods. Stripe is the source of truth for billing; these rows are what the site
shows and what benefits are granted from, moved forward only by ``services`` and ``handlers``."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class

from commerce.offer.models import Condition

PercentageDiscountBenefit = get_class("offer.benefits", "PercentageDiscountBenefit")


class Plan(models.Model):
    """How a subscription product bills and what each paid period grants.

    The price is the product's own price (its stock record); Stripe's recurring price is made from it
    lazily, again when the amount or the interval changes (Stripe prices are immutable).
    """

    WEEK, MONTH, QUARTER, YEAR = "week", "month", "quarter", "year"
    INTERVALS = [(WEEK, _("weekly")), (MONTH, _("monthly")), (QUARTER, _("quarterly")), (YEAR, _("yearly"))]
    #: Stripe's (interval, interval_count) for each of ours.
    STRIPE_INTERVALS = {WEEK: ("week", 1), MONTH: ("month", 1), QUARTER: ("month", 3), YEAR: ("year", 1)}

    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="subscription_plan",
        verbose_name=_("product"),
    )
    interval = models.CharField(_("billing interval"), max_length=8, choices=INTERVALS, default=MONTH)
    trial_days = models.PositiveSmallIntegerField(_("trial days"), default=0)
    coins_per_period = models.PositiveIntegerField(_("coins per paid period"), default=0)
    discount_percent = models.DecimalField(
        _("discount on the seller's products (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    archived = models.BooleanField(
        _("archived"),
        default=False,
        help_text=_("An archived plan takes no new subscribers; current subscribers keep renewing."),
    )
    stripe_product_id = models.CharField(max_length=64, blank=True)
    stripe_price_id = models.CharField(max_length=64, blank=True, db_index=True)
    #: The amount (smallest units) and interval the Stripe price was made for.
    stripe_price_amount = models.PositiveIntegerField(null=True, blank=True)
    stripe_price_interval = models.CharField(max_length=8, blank=True)
    #: The Oscar offer giving subscribers the discount (``offers.sync_offer``).
    offer = models.OneToOneField(
        "offer.ConditionalOffer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subscription_plan",
    )

    class Meta:
        verbose_name = _("subscription plan")
        verbose_name_plural = _("subscription plans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(discount_percent__gte=0, discount_percent__lte=100),
                name="subscriptions_plan_discount_range",
            )
        ]

    def __str__(self):
        return f"{self.product} ({self.get_interval_display()})"


class StripeCustomer(models.Model):
    """The Stripe customer of a user (and, in offline test mode, the test clock it lives on)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stripe_customer"
    )
    customer_id = models.CharField(max_length=64, unique=True)
    test_clock_id = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return self.customer_id


class Subscription(models.Model):
    """A user's subscription to a plan, mirrored from Stripe's subscription."""

    INCOMPLETE, TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID = (
        "incomplete",
        "trialing",
        "active",
        "past_due",
        "canceled",
        "unpaid",
    )
    STATUSES = [
        (INCOMPLETE, _("awaiting payment")),
        (TRIALING, _("trial")),
        (ACTIVE, _("active")),
        (PAST_DUE, _("payment overdue")),
        (CANCELED, _("ended")),
        (UNPAID, _("unpaid")),
    ]
    #: Statuses that give the plan's benefits; ``past_due`` is the grace period while Stripe retries.
    BENEFITS = (TRIALING, ACTIVE, PAST_DUE)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="subscriptions")
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="subscriptions", verbose_name=_("plan")
    )
    stripe_subscription_id = models.CharField(max_length=64, unique=True)
    stripe_customer_id = models.CharField(max_length=64, blank=True)
    stripe_item_id = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=INCOMPLETE, db_index=True)
    amount = models.DecimalField(
        _("amount per period"), max_digits=12, decimal_places=3, default=Decimal("0")
    )
    current_period_start = models.DateTimeField(null=True, blank=True)
    current_period_end = models.DateTimeField(_("next renewal"), null=True, blank=True)
    cancel_at_period_end = models.BooleanField(_("ends at period end"), default=False)
    paused_until = models.DateTimeField(_("paused until"), null=True, blank=True)
    trial_end = models.DateTimeField(null=True, blank=True)
    canceled_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    #: ``created`` of the latest Stripe event applied (seconds): older news about it are ignored.
    last_event_at = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(_("started"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.stripe_subscription_id} ({self.status})"

    @property
    def gives_benefits(self):
        return self.status in self.BENEFITS

    @property
    def is_paused(self):
        return self.paused_until is not None


class SubscriptionInvoice(models.Model):
    """One Stripe invoice of a subscription: a paid period (with its order and benefits), a failed
    renewal being retried, a voided (paused) period, or a proration."""

    DRAFT, OPEN, PAID, VOID, UNCOLLECTIBLE = "draft", "open", "paid", "void", "uncollectible"
    STATUSES = [
        (DRAFT, _("draft")),
        (OPEN, _("awaiting payment")),
        (PAID, _("paid")),
        (VOID, _("skipped")),
        (UNCOLLECTIBLE, _("unpaid")),
    ]
    #: Billing reasons of an invoice for a whole period (it grants the period's benefits).
    PERIODS = ("subscription_create", "subscription_cycle")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="invoices")
    stripe_invoice_id = models.CharField(max_length=64, unique=True)
    billing_reason = models.CharField(max_length=32, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=DRAFT)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=3, default=Decimal("0"))
    period_start = models.DateTimeField(_("from"), null=True, blank=True)
    period_end = models.DateTimeField(_("to"), null=True, blank=True)
    attempt_count = models.PositiveSmallIntegerField(default=0)
    next_payment_attempt = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    order = models.OneToOneField(
        "order.Order", on_delete=models.PROTECT, null=True, blank=True, related_name="subscription_invoice"
    )
    coins_granted = models.PositiveIntegerField(_("coins received"), default=0)
    #: How the invoice moved the customer's Stripe balance (TND): negative when it added credit (a
    #: downgrade's proration), positive when it used credit. The customer's credit is their sum.
    balance_change = models.DecimalField(max_digits=12, decimal_places=3, default=Decimal("0"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("subscription invoice")
        verbose_name_plural = _("subscription invoices")
        ordering = ["-period_start", "-pk"]

    def __str__(self):
        return self.stripe_invoice_id

    @property
    def credit_added(self):
        """The credit this invoice gave the customer (a downgrade's proration), else 0."""
        return max(-self.balance_change, Decimal("0"))


class ActiveSubscriberCondition(Condition):
    """Oscar offer condition: the basket's owner has a subscription giving benefits to the plan of
    the offer (``Plan.offer``). Nothing in the basket is consumed by it."""

    class Meta:
        proxy = True
        verbose_name = _("active subscriber condition")

    @property
    def name(self):
        return _("The customer is an active subscriber")

    @property
    def description(self):
        return self.name

    def is_satisfied(self, offer, basket):
        owner = getattr(basket, "owner", None)
        if owner is None or not owner.is_authenticated:
            return False
        return Subscription.objects.filter(
            user=owner, plan__offer=offer, status__in=Subscription.BENEFITS
        ).exists()

    def is_partially_satisfied(self, offer, basket):
        return False

    def consume_items(self, offer, basket, affected_lines):
        """Subscribing is the condition: no basket line is used up by it."""


class SubscriberDiscountBenefit(PercentageDiscountBenefit):
    """Oscar offer benefit: the plan's percentage off the lines of the plan's own shop (its
    subscription products excluded), for the offer's plan (``Plan.offer``)."""

    class Meta:
        proxy = True
        verbose_name = _("subscriber discount")

    @property
    def name(self):
        return _("%(value)s%% off the shop's products for its subscribers") % {"value": self.value}

    @property
    def description(self):
        return self.name

    def get_applicable_lines(self, offer, basket, range=None):
        plan = Plan.objects.filter(offer=offer).select_related("product").first()
        if plan is None:
            return []
        partners = set(plan.product.stockrecords.values_list("partner_id", flat=True))
        return [
            (price, line)
            for price, line in super().get_applicable_lines(offer, basket, range)
            if line.stockrecord is not None
            and line.stockrecord.partner_id in partners
            and not hasattr(line.product, "subscription_plan")
        ]
