"""Reading subscriptions: a customer's own, a seller's (only its shop's plans), the figures of the
dashboard (MRR, new and churned per month, failed payments)."""

from collections import OrderedDict
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from commerce.money.fields import ZERO

from .models import Plan, Subscription, SubscriptionInvoice

#: Periods per month of each interval, to bring every plan to a monthly figure (MRR).
MONTHLY = {
    Plan.WEEK: Decimal("52") / 12,
    Plan.MONTH: Decimal(1),
    Plan.QUARTER: Decimal(1) / 3,
    Plan.YEAR: Decimal(1) / 12,
}


def for_customer(user):
    return (
        Subscription.objects.filter(user=user)
        .select_related("plan__product")
        .prefetch_related("invoices__order")
        .annotate(coins=Sum("invoices__coins_granted"))
    )


def credit(user):
    """The customer's Stripe credit (TND) that pays their next invoices: what downgrades credited,
    less what invoices have used of it."""
    change = (
        SubscriptionInvoice.objects.filter(subscription__user=user)
        .exclude(status=SubscriptionInvoice.VOID)
        .aggregate(total=Sum("balance_change"))["total"]
    )
    return max(-(change or ZERO), ZERO)


def customer_subscription(user, pk):
    return Subscription.objects.filter(user=user, pk=pk).select_related("plan__product").first()


def visible_to(user):
    """Every subscription for platform staff; a seller's shop's only for a seller."""
    subs = Subscription.objects.select_related("plan__product", "user")
    if user.is_superuser or user.has_perm("subscriptions.view_subscription"):
        return subs
    partners = user.partners.values_list("pk", flat=True)
    return subs.filter(plan__product__stockrecords__partner__in=partners).distinct()


def plans_visible_to(user):
    """Every plan for platform staff; a seller's own shop's only for a seller."""
    plans = Plan.objects.select_related("product").order_by("product__title", "pk")
    if user.is_superuser or user.has_perm("subscriptions.change_plan"):
        return plans
    partners = user.partners.values_list("pk", flat=True)
    return plans.filter(product__stockrecords__partner__in=partners).distinct()


def filtered(subs, *, status="", plan=None, query=""):
    if status:
        subs = subs.filter(status=status)
    if plan:
        subs = subs.filter(plan=plan)
    if query:
        subs = subs.filter(Q(user__email__icontains=query) | Q(stripe_subscription_id=query))
    return subs


def mrr(subs):
    """Monthly recurring revenue of the subscriptions that renew (active or retrying), in TND."""
    total = ZERO
    renewing = subs.filter(
        status__in=(Subscription.ACTIVE, Subscription.PAST_DUE), cancel_at_period_end=False
    )
    for interval, amount in renewing.values_list("plan__interval").annotate(total=Sum("amount")):
        total += (amount or ZERO) * MONTHLY[interval]
    return total.quantize(Decimal("0.001"))


def monthly_movements(subs, months=12):
    """``{month: {"new": n, "churned": n}}`` for the last months that had any."""
    rows = OrderedDict()
    new = subs.annotate(month=TruncMonth("created_at")).values("month").annotate(n=Count("pk", distinct=True))
    churned = (
        subs.filter(ended_at__isnull=False)
        .annotate(month=TruncMonth("ended_at"))
        .values("month")
        .annotate(n=Count("pk", distinct=True))
    )
    for row in new:
        rows.setdefault(row["month"].date(), {"new": 0, "churned": 0})["new"] = row["n"]
    for row in churned:
        rows.setdefault(row["month"].date(), {"new": 0, "churned": 0})["churned"] = row["n"]
    return OrderedDict(sorted(rows.items(), reverse=True)[:months])


def failed_payments(subs):
    """Open invoices of these subscriptions: renewals Stripe is still retrying, to follow up."""
    return (
        SubscriptionInvoice.objects.filter(subscription__in=subs, status=SubscriptionInvoice.OPEN)
        .select_related("subscription__user", "subscription__plan__product")
        .order_by("next_payment_attempt")
    )
