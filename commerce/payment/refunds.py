"""Refunds of card orders through Stripe: the whole order or some of its lines, with stock restored.

``refund_order`` runs in one transaction with the order row locked, so two clicks or two staff
members cannot refund the same lines twice. Its key (order + set of lines) is unique here and is sent
to Stripe as the idempotency key: asking again for the same refund, even after a crash between
Stripe's answer and our commit, refunds once.

Amounts: a line set is refunded at its price incl. tax, rounded down to Stripe's 10-millime step;
the refund that completes the order refunds everything still unrefunded (shipping and any rounding
included), so the refunds always add up to exactly what Stripe charged.
"""

from __future__ import annotations

import hashlib

import stripe
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.order import statuses
from commerce.order.services import change_line_status, change_order_status
from commerce.partner import stock

from .stripe import client
from .stripe.amounts import from_stripe_amount, to_stripe_amount
from .stripe.sessions import stripe_source_type

Order = get_model("order", "Order")
PaymentEventType = get_model("order", "PaymentEventType")
Source = get_model("payment", "Source")
StripeCheckoutSession = get_model("payment", "StripeCheckoutSession")
StripeRefund = get_model("payment", "StripeRefund")


class RefundError(Exception):
    """A refund that cannot be made; ``str()`` is a message for the staff member who asked."""


def refund_key(order, line_ids) -> str:
    digest = hashlib.sha256(",".join(str(pk) for pk in sorted(line_ids)).encode()).hexdigest()[:32]
    return f"refund-{order.number}-{digest}"


def refund_order(order, *, lines=None, by=None) -> StripeRefund:
    """Refund ``lines`` (order lines or their ids; None: the whole order) through Stripe.

    Returns the refund made, or the one already made for the same order and lines.
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        all_lines = list(order.lines.select_related("stockrecord").order_by("pk"))
        wanted = {line.pk for line in all_lines} if lines is None else {getattr(x, "pk", x) for x in lines}
        chosen = [line for line in all_lines if line.pk in wanted]
        if len(chosen) != len(wanted) or not chosen:
            raise RefundError(_("Choose lines of order %(number)s to refund.") % {"number": order.number})
        key = refund_key(order, wanted)
        existing = StripeRefund.objects.filter(key=key).first()
        if existing is not None:
            return existing
        payment = _stripe_payment(order)
        refunded = set(
            StripeRefund.lines.through.objects.filter(striperefund__order=order).values_list(
                "line_id", flat=True
            )
        )
        to_refund = [line for line in chosen if line.pk not in refunded]
        if not to_refund:
            raise RefundError(_("These lines have already been refunded."))
        completes = refunded | {line.pk for line in to_refund} == {line.pk for line in all_lines}
        _check_statuses(order, to_refund, completes)  # before Stripe moves any money
        remaining = payment.amount - (order.stripe_refunds.aggregate(total=Sum("amount_minor"))["total"] or 0)
        if completes:
            amount = remaining
        else:
            amount = min(
                to_stripe_amount(sum(line.line_price_incl_tax for line in to_refund), order.currency),
                remaining,
            )
        if amount <= 0:
            raise RefundError(_("Nothing is left to refund on this payment."))
        try:
            refund = client.create_refund(
                payment.payment_intent,
                amount=amount,
                idempotency_key=key,
                metadata={
                    "order_number": order.number,
                    "lines": ",".join(str(line.pk) for line in to_refund),
                },
            )
        except stripe.StripeError as error:
            raise RefundError(
                _("Stripe refused the refund: %(error)s") % {"error": error.user_message or error}
            ) from error
        record = StripeRefund.objects.create(
            order=order,
            key=key,
            refund_id=refund.id,
            amount=from_stripe_amount(refund.amount, order.currency),
            amount_minor=refund.amount,
            includes_shipping=completes and bool(order.shipping_incl_tax),
            created_by=by,
        )
        record.lines.set(to_refund)
        _record_payment(order, record, to_refund)
        note = _("Refund of order %(number)s") % {"number": order.number}
        for line in to_refund:
            _restore_stock(line, by, note)
        _mark_refunded(order, to_refund, completes, by)
    return record


def _stripe_payment(order):
    if not order.is_paid or order.payment_method != Order.CARD:
        raise RefundError(_("Only orders paid by card can be refunded through Stripe."))
    payment = (
        order.stripe_sessions.filter(status=StripeCheckoutSession.COMPLETE).exclude(payment_intent="").first()
    )
    if payment is None:
        raise RefundError(_("No Stripe payment was found for this order."))
    return payment


def _check_statuses(order, lines, completes):
    blocked = [line for line in lines if statuses.REFUNDED not in statuses.PIPELINE.get(line.status, ())]
    if completes and statuses.REFUNDED not in statuses.PIPELINE.get(order.status, ()):
        blocked.append(order)
    if blocked:
        raise RefundError(
            _("“%(what)s” cannot be refunded in its current status (%(status)s).")
            % {
                "what": getattr(blocked[0], "title", order.number),
                "status": statuses.label(blocked[0].status),
            }
        )


def _record_payment(order, record, lines):
    """Oscar's books: a "Refunded" payment event for the lines, a refund transaction on the source."""
    event_type = PaymentEventType.objects.get_or_create(code="refunded", defaults={"name": _("Refunded")})[0]
    event = order.payment_events.create(
        amount=record.amount, reference=record.refund_id, event_type=event_type
    )
    for line in lines:
        event.line_quantities.create(line=line, quantity=line.quantity)
    source = order.sources.filter(source_type__code="stripe").first() or Source.objects.create(
        order=order, source_type=stripe_source_type(), currency=order.currency
    )
    source.refund(record.amount, reference=record.refund_id, status="succeeded")


def _restore_stock(line, by, note):
    """Units still held for the line go back to available; units already shipped go back on the shelf."""
    if line.stockrecord_id is None:
        return
    history = line.stock_movements.aggregate(held=Sum("allocated_change"), moves=Count("pk"))
    if history["moves"]:
        held = max(0, min(line.quantity, history["held"] or 0))
    else:
        held = 0 if line.status in (statuses.SHIPPED, statuses.DELIVERED) else line.quantity
    if held:
        stock.release(line.stockrecord_id, held, line=line, by=by, note=note)
    if line.quantity - held:
        stock.restock(line.stockrecord_id, line.quantity - held, line=line, by=by, note=note)


def _mark_refunded(order, lines, completes, by):
    """Refunded lines, and the order once every line is, move to "refunded" with who did it."""
    for line in lines:
        change_line_status(line, statuses.REFUNDED, by=by)
    if completes:
        change_order_status(order, statuses.REFUNDED, by=by)
