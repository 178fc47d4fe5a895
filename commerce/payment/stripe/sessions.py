"""Card payment through Stripe Checkout, seen from the order: start a session, settle it when Stripe
says it is paid, give it up when it will not be.

Stripe tells us twice that a session is paid, in no fixed order: the signed webhook and the
shopper's return to ``success_url``. Both call ``settle()``, which ends in the checkout service's
idempotent ``confirm_payment`` (registered in ``payment.order_callbacks``): whichever comes first
fulfils the order, the other changes nothing.
"""

from __future__ import annotations

import logging
from functools import partial

import stripe
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.order import statuses

from .. import order_callbacks
from ..order_callbacks import PaymentAmountMismatch
from . import client, tasks
from .amounts import from_stripe_amount, to_stripe_amount

log = logging.getLogger(__name__)

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
Transaction = get_model("payment", "Transaction")
SourceType = get_model("payment", "SourceType")
StripeCheckoutSession = get_model("payment", "StripeCheckoutSession")

#: Languages Stripe's hosted page speaks among ours; Arabic is not one of them ("auto": the browser's).
STRIPE_LOCALES = {"fr": "fr", "en": "en"}

#: Signs the order number in ``cancel_url``, so only the shopper sent to Stripe can give up its order.
CANCEL_SALT = "payment.stripe.cancel"


def urls_for(request, order) -> dict:
    """``success_url`` and ``cancel_url`` for ``start_checkout``, in the shopper's language."""
    token = signing.dumps(order.number, salt=CANCEL_SALT)
    success = request.build_absolute_uri(reverse("stripe:return")) + "?session_id={CHECKOUT_SESSION_ID}"
    cancel = request.build_absolute_uri(reverse("stripe:cancel")) + f"?order={token}"
    return {"success_url": success, "cancel_url": cancel}


def redirect_to_stripe(request, order):
    """Start (or resume) the order's Checkout Session and send the shopper to Stripe's page."""
    record = start_checkout(order, **urls_for(request, order))
    return redirect(record.url)


class Outcome:
    """What settling or abandoning a session did (stored on the processed event, logged)."""

    CONFIRMED = "confirmed"
    ALREADY_PAID = "already-paid"
    PENDING = "payment-pending"
    UNKNOWN_SESSION = "unknown-session"
    AMOUNT_MISMATCH = "amount-mismatch"
    CANCELLED = "cancelled"
    NOTHING_TO_DO = "nothing-to-do"
    REFUNDED_LATE_PAYMENT = "refunded-late-payment"


def stripe_source_type():
    return SourceType.objects.get_or_create(code="stripe", defaults={"name": "Stripe"})[0]


def start_checkout(order, *, success_url: str, cancel_url: str) -> StripeCheckoutSession:
    """The Checkout Session to send the shopper to: the order's open one, or a new one.

    ``success_url`` should contain ``{CHECKOUT_SESSION_ID}``, which Stripe fills in on the way back.
    """
    current = order.stripe_sessions.filter(status=StripeCheckoutSession.OPEN).first()
    if current is not None:
        return current
    amount = to_stripe_amount(order.total_incl_tax, order.currency)
    with translation.override(order.language):
        name = _("Order %(number)s") % {"number": order.number}
    titles = ", ".join(f"{line.quantity} × {line.title}" for line in order.lines.all())
    session = client.create_checkout_session(
        {
            "mode": "payment",
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": order.currency.lower(),
                        "unit_amount": amount,
                        "product_data": {"name": name, "description": titles[:500] or name},
                    },
                }
            ],
            "success_url": success_url,
            "cancel_url": cancel_url,
            "client_reference_id": order.number,
            "customer_email": order.email or None,
            "locale": STRIPE_LOCALES.get(order.language, "auto"),
            "metadata": {"order_number": order.number},
            "payment_intent_data": {"metadata": {"order_number": order.number}},
        },
        idempotency_key=f"checkout-session-{order.number}-{order.stripe_sessions.count() + 1}",
    )
    return StripeCheckoutSession.objects.create(
        order=order, session_id=session.id, amount=amount, currency=session.currency, url=session.url
    )


def settle(session) -> str:
    """Confirm the order of a paid Checkout Session (``session``: from an event or retrieved).

    Safe to call any number of times, concurrently: only one call confirms.
    """
    session = session.to_dict() if hasattr(session, "to_dict") else session
    record = StripeCheckoutSession.objects.filter(session_id=session["id"]).first()
    if record is None:
        return Outcome.UNKNOWN_SESSION
    if session["payment_status"] != "paid":
        return Outcome.PENDING
    if session["amount_total"] != record.amount or session["currency"].upper() != record.currency.upper():
        log.error(
            "Stripe session %s: paid %s %s, asked %s",
            record,
            session["amount_total"],
            session["currency"],
            record.amount,
        )
        return Outcome.AMOUNT_MISMATCH
    intent = session.get("payment_intent") or ""
    try:
        with transaction.atomic():
            order = Order.objects.select_for_update().get(pk=record.order_id)
            StripeCheckoutSession.objects.filter(pk=record.pk).update(
                status=StripeCheckoutSession.COMPLETE, payment_intent=intent
            )
            if order.status == statuses.CANCELLED:
                return _refund_late_payment(order, record, intent)
            confirmed = order_callbacks.callbacks().confirm_payment(
                order.number,
                amount=order.total_incl_tax,
                reference=intent or record.session_id,
                provider="stripe",
            )
            if confirmed:
                _record_debit(order, record, intent)
    except PaymentAmountMismatch:
        log.exception("Stripe session %s does not pay order %s", record, record.order_id)
        return Outcome.AMOUNT_MISMATCH
    return Outcome.CONFIRMED if confirmed else Outcome.ALREADY_PAID


def _record_debit(order, record, intent):
    """The checkout service opened the order's Stripe source for the order total; record what Stripe
    really took (at most 9 millimes less, see amounts.py) as the source's debit transaction."""
    charged = from_stripe_amount(record.amount, record.currency)
    source = order.sources.filter(source_type__code="stripe").order_by("-pk").first()
    if source is None:
        source = Source.objects.create(
            order=order, source_type=stripe_source_type(), currency=order.currency, amount_allocated=charged
        )
    Source.objects.filter(pk=source.pk).update(amount_debited=charged)
    source.transactions.create(
        txn_type=Transaction.DEBIT, amount=charged, reference=intent or record.session_id, status="succeeded"
    )


def _refund_late_payment(order, record, intent):
    """Money arrived for an order already cancelled (its stock released): give it all back, once
    the order's row lock is released (a task retried until Stripe answers)."""
    log.error("Order %s was paid through Stripe after it was cancelled; refunding %s", order.number, intent)
    transaction.on_commit(partial(tasks.refund_late_payment.delay, order.number, record.session_id, intent))
    return Outcome.REFUNDED_LATE_PAYMENT


def abandon(order_number: str, *, reason: str) -> str:
    """The payment will not happen: cancel the order if still unpaid (stock released, basket back)."""
    order = Order.objects.filter(number=order_number).first()
    if order is None or order.is_paid or order.status != statuses.PENDING_PAYMENT:
        return Outcome.NOTHING_TO_DO
    StripeCheckoutSession.objects.filter(order=order, status=StripeCheckoutSession.OPEN).update(
        status=StripeCheckoutSession.EXPIRED
    )
    cancelled = order_callbacks.callbacks().cancel_unpaid_order(order_number, reason=reason)
    return Outcome.CANCELLED if cancelled else Outcome.NOTHING_TO_DO


def close_open_sessions(order) -> bool:
    """Close the order's open Checkout Sessions at Stripe so none can be paid any more (a network
    call: never under a row lock). True if one turned out to be paid meanwhile (it is then settled)."""
    paid = False
    for record in order.stripe_sessions.filter(status=StripeCheckoutSession.OPEN):
        try:
            client.expire_checkout_session(record.session_id)
        except stripe.InvalidRequestError:
            session = client.retrieve_checkout_session(record.session_id)
            if session.status == "complete":
                paid = settle(session) in (Outcome.CONFIRMED, Outcome.ALREADY_PAID) or paid
                continue
        StripeCheckoutSession.objects.filter(pk=record.pk, status=StripeCheckoutSession.OPEN).update(
            status=StripeCheckoutSession.EXPIRED
        )
    return paid


def leave(record) -> str:
    """The shopper left Stripe's page: close the session at Stripe first, so it can no longer be paid,
    then cancel the order. If Stripe says it was paid meanwhile, settle it instead."""
    try:
        client.expire_checkout_session(record.session_id)
    except stripe.InvalidRequestError:
        session = client.retrieve_checkout_session(record.session_id)
        if session.status == "complete":
            return settle(session)
    return abandon(record.order.number, reason=_("The shopper left the payment page."))
