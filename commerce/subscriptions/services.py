"""State changes of subscriptions: what customers ask (subscribe, cancel, pause, switch) and what
Stripe tells (``apply_*``, called by ``handlers``).

Stripe is the source of truth: customer actions call Stripe first (never under a row lock), then
mirror the object Stripe answered. Webhook news move a subscription forward only: an event older
than the last one applied, or about an earlier period, is ignored; an ended subscription stays
ended. Each paid renewal invoice is applied once (unique Stripe invoice id, row locked), making its
order (through the checkout service, so invoices and fulfilment run as for any paid order) and
granting the period's benefits once (``benefits``).
"""

from __future__ import annotations

import logging
import time
from functools import partial

import stripe
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from oscar.core.loading import get_class

from commerce.payment.stripe import client, config
from commerce.payment.stripe.amounts import to_stripe_amount

from . import benefits, notices, offers, orders
from .exceptions import (
    AlreadySubscribed,
    BillingUnavailable,
    InvalidPeriods,
    NotAllowedNow,
    NotASubscriptionProduct,
    PlanArchived,
    PlanNotSwitchable,
)
from .models import Plan, StripeCustomer, Subscription, SubscriptionInvoice
from .periods import shift
from .stripe_data import amount, balance_change, charged_price, invoice_subscription, item_of, moment

log = logging.getLogger(__name__)

#: Outcomes stored on the processed event.
IGNORED = "ignored"
STALE = "stale"
APPLIED = "applied"
ALREADY = "already-applied"
MAX_PAUSE_PERIODS = 12

#: Stripe's hosted Checkout speaks fr and en among our languages ("auto": the browser's).
STRIPE_LOCALES = {"fr": "fr", "en": "en"}


def plan_of(product) -> Plan:
    plan = Plan.objects.filter(product=product).select_related("product").first()
    if plan is None:
        raise NotASubscriptionProduct
    return plan


def plan_price(plan):
    """The plan's price per period: its product's price for a shopper (VAT included, TND)."""
    info = get_class("partner.strategy", "Selector")().strategy().fetch_for_product(plan.product)
    if not info.availability.is_available_to_buy or info.price.excl_tax is None:
        raise NotASubscriptionProduct
    return info.price.incl_tax, info.price.currency


# --- Stripe objects made lazily ----------------------------------------------------------------
def ensure_price(plan: Plan) -> str:
    """The Stripe price of the plan's current amount and interval (made on first use, and again
    when either changed: Stripe prices cannot change)."""
    price, currency = plan_price(plan)
    cents = to_stripe_amount(price, currency)
    if (
        plan.stripe_price_id
        and plan.stripe_price_amount == cents
        and plan.stripe_price_interval == plan.interval
    ):
        return plan.stripe_price_id
    if not plan.stripe_product_id:
        product = client.create_product(
            {"name": plan.product.get_title()[:250], "metadata": {"plan_id": str(plan.pk)}},
            idempotency_key=f"plan-{plan.pk}-product",
        )
        plan.stripe_product_id = product.id
    interval, count = Plan.STRIPE_INTERVALS[plan.interval]
    price_obj = client.create_price(
        {
            "currency": currency.lower(),
            "unit_amount": cents,
            "product": plan.stripe_product_id,
            "recurring": {"interval": interval, "interval_count": count},
            "metadata": {"plan_id": str(plan.pk)},
        },
        idempotency_key=f"plan-{plan.pk}-price-{cents}-{plan.interval}",
    )
    Plan.objects.filter(pk=plan.pk).update(
        stripe_product_id=plan.stripe_product_id,
        stripe_price_id=price_obj.id,
        stripe_price_amount=cents,
        stripe_price_interval=plan.interval,
    )
    plan.stripe_price_id, plan.stripe_price_amount, plan.stripe_price_interval = (
        price_obj.id,
        cents,
        plan.interval,
    )
    return price_obj.id


def ensure_customer(user) -> StripeCustomer:
    """The user's Stripe customer; in offline test mode it lives on its own test clock, so a period
    can be lived through in seconds (``advance_test_clock``)."""
    existing = StripeCustomer.objects.filter(user=user).first()
    if existing is not None:
        return existing
    params = {
        "email": user.email,
        "name": user.get_full_name() or user.email,
        "metadata": {"user_id": str(user.pk)},
        "preferred_locales": [getattr(user, "language", "") or translation.get_language() or "fr"],
    }
    clock_id = ""
    if config.is_offline_test_mode():
        clock_id = client.create_test_clock(int(time.time()), name=f"user {user.pk}").id
        params["test_clock"] = clock_id
    customer = client.create_customer(params, idempotency_key=f"customer-user-{user.pk}-{clock_id}")
    try:
        with transaction.atomic():
            return StripeCustomer.objects.create(user=user, customer_id=customer.id, test_clock_id=clock_id)
    except IntegrityError:
        return StripeCustomer.objects.get(user=user)


# --- What the seller changes -------------------------------------------------------------------
@transaction.atomic
def update_plan(plan: Plan, *, price, **fields) -> Plan:
    """Change a plan (``interval``, ``trial_days``, ``coins_per_period``, ``discount_percent``,
    ``archived``) and its price per period (the product's stock records, VAT included).

    Stripe prices cannot change: a new amount or interval gets a new Stripe price at the next
    subscription (``ensure_price``), while current subscribers keep the price they hold, as Stripe
    bills it. The subscriber discount's offer follows ``discount_percent``."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.save(update_fields=list(fields))
    for record in plan.product.stockrecords.select_for_update():
        if record.price != price:
            record.price = price
            record.save(update_fields=["price"])  # saved one by one: the catalogue's caches follow
    offers.sync_offer(plan)
    return plan


# --- Subscribing -------------------------------------------------------------------------------
def start_checkout(user, product, *, success_url: str, cancel_url: str, language: str = "fr") -> str:
    """The URL of a Stripe Checkout page (subscription mode) for ``user`` to subscribe to ``product``."""
    plan = plan_of(product)
    if plan.archived:
        raise PlanArchived
    if Subscription.objects.filter(user=user, plan=plan, status__in=Subscription.BENEFITS).exists():
        raise AlreadySubscribed
    try:
        price_id = ensure_price(plan)
        customer = ensure_customer(user)
        metadata = {"user_id": str(user.pk), "plan_id": str(plan.pk)}
        subscription_data = {"metadata": metadata}
        if plan.trial_days and not Subscription.objects.filter(user=user, plan=plan).exists():
            subscription_data["trial_period_days"] = plan.trial_days
        session = client.create_checkout_session(
            {
                "mode": "subscription",
                "customer": customer.customer_id,
                "line_items": [{"price": price_id, "quantity": 1}],
                "subscription_data": subscription_data,
                "metadata": metadata,
                "client_reference_id": f"user-{user.pk}",
                "locale": STRIPE_LOCALES.get(language, "auto"),
                "success_url": success_url,
                "cancel_url": cancel_url,
            },
            idempotency_key=f"subscribe-{user.pk}-{plan.pk}-{time.time_ns()}",
        )
    except stripe.StripeError as error:
        log.exception("Stripe refused a subscription checkout for user %s, plan %s", user.pk, plan.pk)
        raise BillingUnavailable from error
    return session.url


def _locked(stripe_id: str, metadata: dict, customer_id: str = "") -> Subscription | None:
    """The subscription row for a Stripe subscription, locked; created from its metadata (user,
    plan) when this is the first news of it (news arrive in any order)."""
    if not stripe_id:
        return None
    found = Subscription.objects.select_for_update().filter(stripe_subscription_id=stripe_id).first()
    if found is not None:
        return found
    try:
        user_id, plan_id = int(metadata["user_id"]), int(metadata["plan_id"])
    except (KeyError, TypeError, ValueError):
        log.warning("Stripe subscription %s: no user/plan in its metadata", stripe_id)
        return None
    try:
        with transaction.atomic():
            Subscription.objects.create(
                stripe_subscription_id=stripe_id,
                user_id=user_id,
                plan_id=plan_id,
                stripe_customer_id=customer_id,
            )
    except IntegrityError:
        pass  # created meanwhile by another event of the same subscription
    return Subscription.objects.select_for_update().get(stripe_subscription_id=stripe_id)


def apply_checkout(session: dict) -> str:
    """Checkout in subscription mode completed: the subscription exists (awaiting its first invoice)."""
    sub = _locked(
        session.get("subscription") or "", session.get("metadata") or {}, session.get("customer") or ""
    )
    return APPLIED if sub is not None else IGNORED


def apply_subscription(obj: dict, *, created: int | None = None) -> str:
    """Mirror a Stripe subscription (an event's, ``created`` its time; or an API answer)."""
    sub = _locked(obj.get("id", ""), obj.get("metadata") or {}, obj.get("customer") or "")
    if sub is None:
        return IGNORED
    if sub.status == Subscription.CANCELED:
        return STALE
    item = item_of(obj)
    period_end = moment(item.get("current_period_end"))
    if created is not None and created < sub.last_event_at:
        return STALE
    if period_end and sub.current_period_end and period_end < sub.current_period_end:
        return STALE
    _mirror(sub, obj, item)
    if created is not None:
        sub.last_event_at = max(sub.last_event_at, created)
    sub.save()
    if sub.status == Subscription.CANCELED:  # it was not before (an ended one is never applied)
        sub.invoices.filter(status=SubscriptionInvoice.OPEN).update(status=SubscriptionInvoice.UNCOLLECTIBLE)
        transaction.on_commit(partial(notices.ended, sub.pk))
    return APPLIED


def _mirror(sub, obj, item):
    status = obj.get("status") or sub.status
    sub.status = status if status in dict(Subscription.STATUSES) else sub.status
    sub.current_period_start = moment(item.get("current_period_start")) or sub.current_period_start
    sub.current_period_end = moment(item.get("current_period_end")) or sub.current_period_end
    sub.cancel_at_period_end = bool(obj.get("cancel_at_period_end"))
    pause = obj.get("pause_collection") or None
    sub.paused_until = moment(pause.get("resumes_at")) if pause else None
    sub.trial_end = moment(obj.get("trial_end"))
    sub.canceled_at = moment(obj.get("canceled_at"))
    sub.ended_at = moment(obj.get("ended_at"))
    sub.stripe_customer_id = obj.get("customer") or sub.stripe_customer_id
    sub.stripe_item_id = item.get("id") or sub.stripe_item_id
    price = item.get("price") or {}
    if price.get("unit_amount") is not None:
        sub.amount = amount(price["unit_amount"], price.get("currency"))
    plan_id = (price.get("metadata") or {}).get("plan_id")
    if plan_id and str(sub.plan_id) != plan_id and Plan.objects.filter(pk=plan_id).exists():
        sub.plan_id = int(plan_id)


def _invoice_row(sub, invoice: dict) -> SubscriptionInvoice:
    """The invoice's row, locked (created on first news of it)."""
    try:
        with transaction.atomic():
            SubscriptionInvoice.objects.get_or_create(
                stripe_invoice_id=invoice["id"], defaults={"subscription": sub}
            )
    except IntegrityError:
        pass
    row = SubscriptionInvoice.objects.select_for_update().get(stripe_invoice_id=invoice["id"])
    row.billing_reason = invoice.get("billing_reason") or row.billing_reason
    row.amount = amount(invoice.get("amount_due"), invoice.get("currency"))
    row.period_start = moment(invoice.get("period_start"))
    row.period_end = moment(invoice.get("period_end"))
    row.attempt_count = max(row.attempt_count, int(invoice.get("attempt_count") or 0))
    if invoice.get("ending_balance") is not None:
        row.balance_change = balance_change(invoice)
    return row


def _invoice_subscription(invoice: dict):
    stripe_id, metadata = invoice_subscription(invoice)
    return _locked(stripe_id, metadata, invoice.get("customer") or "")


def apply_invoice_paid(invoice: dict) -> str:
    """A period (first, renewal, after a retry) or a proration was paid: record it once; what was
    charged gets its order and invoice PDF (checkout service) once, a period its benefits (coins)
    once. A downgrade's proration charges nothing: its credit (``balance_change``) pays the next
    invoices, as Stripe does."""
    sub = _invoice_subscription(invoice)
    if sub is None:
        return IGNORED
    row = _invoice_row(sub, invoice)
    if row.status == SubscriptionInvoice.PAID:
        return ALREADY
    row.status = SubscriptionInvoice.PAID
    row.paid_at = moment((invoice.get("status_transitions") or {}).get("paid_at")) or timezone.now()
    row.next_payment_attempt = None
    row.save()
    if sub.status != Subscription.CANCELED:
        if row.amount > 0:
            sub.status = Subscription.ACTIVE
        elif sub.status == Subscription.INCOMPLETE:
            sub.status = Subscription.TRIALING
        if row.period_end and (sub.current_period_end is None or row.period_end > sub.current_period_end):
            sub.current_period_start, sub.current_period_end = row.period_start, row.period_end
        sub.save()
    if row.amount > 0:
        orders.order_for_invoice(row, _charged_plan(invoice, sub).product)
        benefits.grant_period(row)
    return APPLIED


def _charged_plan(invoice: dict, sub: Subscription) -> Plan:
    """The plan an invoice charges for: a proration's new plan (by its Stripe price, whichever order
    the switch's events arrive in), else the subscription's."""
    price_id = charged_price(invoice)
    found = (
        Plan.objects.filter(stripe_price_id=price_id).select_related("product").first() if price_id else None
    )
    return found or sub.plan


def apply_payment_failed(invoice: dict, *, action_required=False) -> str:
    """A renewal could not be charged: the invoice stays open while Stripe retries (the grace
    period, ``past_due``), and the customer is told in their language (once per attempt)."""
    sub = _invoice_subscription(invoice)
    if sub is None:
        return IGNORED
    row = _invoice_row(sub, invoice)
    if row.status == SubscriptionInvoice.PAID or sub.status == Subscription.CANCELED:
        return STALE
    row.status = SubscriptionInvoice.OPEN
    row.next_payment_attempt = moment(invoice.get("next_payment_attempt"))
    row.save()
    if (
        sub.status in (Subscription.ACTIVE, Subscription.TRIALING)
        and row.billing_reason == "subscription_cycle"
    ):
        sub.status = Subscription.PAST_DUE
        sub.save(update_fields=["status", "updated_at"])
    url = invoice.get("hosted_invoice_url") or ""
    tell = notices.action_required if action_required else notices.payment_failed
    retry = row.next_payment_attempt.isoformat() if row.next_payment_attempt else ""
    attempt = int(invoice.get("attempt_count") or row.attempt_count)
    transaction.on_commit(partial(tell, row.pk, attempt, retry, url))
    return APPLIED


def apply_invoice_voided(invoice: dict) -> str:
    """A paused period's invoice was voided: nothing charged, nothing granted."""
    sub = _invoice_subscription(invoice)
    if sub is None:
        return IGNORED
    row = _invoice_row(sub, invoice)
    if row.status == SubscriptionInvoice.PAID:
        return STALE
    row.status = SubscriptionInvoice.VOID
    row.save()
    return APPLIED


def apply_trial_will_end(obj: dict) -> str:
    sub = _locked(obj.get("id", ""), obj.get("metadata") or {}, obj.get("customer") or "")
    if sub is None or sub.status != Subscription.TRIALING:
        return IGNORED
    transaction.on_commit(partial(notices.trial_ending, sub.pk))
    return APPLIED


# --- What the customer asks --------------------------------------------------------------------
def _update(sub: Subscription, params: dict) -> Subscription:
    if sub.status == Subscription.CANCELED:
        raise NotAllowedNow
    try:
        obj = client.update_subscription(sub.stripe_subscription_id, params)
    except stripe.StripeError as error:
        log.exception("Stripe refused to update subscription %s", sub.stripe_subscription_id)
        raise BillingUnavailable from error
    with transaction.atomic():
        apply_subscription(obj.to_dict())
    sub.refresh_from_db()
    return sub


def cancel_at_period_end(sub: Subscription) -> Subscription:
    """Stop renewing: benefits last until the end of the paid period (undone by ``resume``)."""
    return _update(sub, {"cancel_at_period_end": True})


def resume(sub: Subscription) -> Subscription:
    """Undo a cancellation at period end and end a pause: renewals go on as before."""
    return _update(sub, {"cancel_at_period_end": False, "pause_collection": ""})


def pause(sub: Subscription, periods: int) -> Subscription:
    """Skip the next ``periods`` renewals (Stripe voids their invoices; no charge, no benefits)."""
    if not 1 <= int(periods) <= MAX_PAUSE_PERIODS:
        raise InvalidPeriods
    if sub.current_period_end is None:
        raise NotAllowedNow
    resumes = shift(sub.current_period_end, sub.plan.interval, int(periods))
    return _update(sub, {"pause_collection": {"behavior": "void", "resumes_at": int(resumes.timestamp())}})


def switchable_plans(sub: Subscription):
    """The other plans of the same shop the subscription may switch to."""
    partner_ids = sub.plan.product.stockrecords.values_list("partner_id", flat=True)
    return (
        Plan.objects.filter(product__stockrecords__partner_id__in=partner_ids, archived=False)
        .exclude(pk=sub.plan_id)
        .select_related("product")
        .distinct()
    )


def _switch_params(sub, plan):
    if plan.pk == sub.plan_id or not switchable_plans(sub).filter(pk=plan.pk).exists():
        raise PlanNotSwitchable
    if sub.status not in (Subscription.ACTIVE, Subscription.TRIALING):
        raise NotAllowedNow
    return {"items": [{"id": sub.stripe_item_id, "price": ensure_price(plan)}]}


def preview_switch(sub: Subscription, plan: Plan) -> dict:
    """What switching now would charge (positive) or credit (negative): Stripe's proration."""
    params = _switch_params(sub, plan)
    try:
        preview = client.preview_invoice(
            {"subscription": sub.stripe_subscription_id, "subscription_details": params}
        ).to_dict()
    except stripe.StripeError as error:
        raise BillingUnavailable from error
    currency = preview.get("currency")
    return {
        "plan": plan,
        "amount": amount(preview.get("total"), currency),
        "lines": [
            {"description": line.get("description", ""), "amount": amount(line.get("amount"), currency)}
            for line in (preview.get("lines") or {}).get("data", [])
        ],
        "proration_date": preview.get("subscription_proration_date"),
    }


def switch_plan(sub: Subscription, plan: Plan, *, proration_date: int | None = None) -> Subscription:
    """Switch now; the prorated difference is invoiced at once (as previewed at ``proration_date``)."""
    params = {**_switch_params(sub, plan), "proration_behavior": "always_invoice"}
    if proration_date:
        params["proration_date"] = proration_date
    return _update(sub, params)


def billing_portal_url(sub: Subscription, return_url: str) -> str:
    """Stripe's billing portal for the subscription's customer (update the card)."""
    try:
        return client.create_portal_session(sub.stripe_customer_id, return_url).url
    except stripe.StripeError as error:
        raise BillingUnavailable from error


def advance_test_clock(sub: Subscription, periods: int = 1):
    """Offline test mode only: live through ``periods`` billing periods of the subscription's
    customer in seconds (renewals, failures and their events, as Stripe's test clocks do)."""
    if not config.is_offline_test_mode():
        raise NotAllowedNow
    customer = StripeCustomer.objects.filter(customer_id=sub.stripe_customer_id).first()
    if customer is None or not customer.test_clock_id:
        raise NotAllowedNow
    clock = client.retrieve_test_clock(customer.test_clock_id)
    target = shift(moment(clock.frozen_time), sub.plan.interval, periods)
    return client.advance_test_clock(customer.test_clock_id, int(target.timestamp()) + 60)
