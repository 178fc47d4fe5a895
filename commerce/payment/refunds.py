"""Refunds of paid orders: some units of their lines, amounts of their lines and/or the shipping, to
the card or as a voucher.

No network call is made under a row lock (Saleor's order of steps):

1. ``refund_order`` locks the order, checks what is left to refund and records the refund as
   *pending*, with the units and the shipping it covers; the transaction commits.
2. Stripe is called with the refund's ``key`` as idempotency key; no lock is held meanwhile.
3. ``confirm_refund`` — on Stripe's answer, or on its webhook (``charge.refunded``,
   ``refund.updated``) when that comes first — locks the order again and completes the refund once:
   Oscar's payment records, stock back, line and order statuses, credit note, the customer's email.

A crash between 1 and 3 leaves a pending refund. Asking again (``refund_order`` on the same order,
``complete_refund``, the ``complete_pending_refunds`` task) calls Stripe again with the same key, so
Stripe refunds once; the webhook completes it too. Units already pending count as refunded, so
nothing can be refunded twice, and only one refund of an order may be pending at a time.

Amounts: units are refunded at their price incl. tax (the last units of a line at what is left of
it, so a line's refunds add up to its price). An amount of a line (a goodwill gesture, a fee share
kept on a late cancellation) is money only: no unit is taken back, nothing delivered is revoked,
no stock moves; it is recorded as a refund line of no units, and units and amounts together never
exceed the line's price (``selectors.refundable`` says what is left). A card refund is rounded
down to Stripe's 10-millime step, and the refund that completes the order refunds everything still
unrefunded of the charge, so the refunds always add up to exactly what Stripe charged.
"""

from __future__ import annotations

import hashlib
import logging

import stripe
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.fulfilment import services as fulfilment
from commerce.fulfilment.exceptions import RevokeRefused
from commerce.invoices.credit_notes import issue_credit_note
from commerce.money.fields import ZERO, to_millimes
from commerce.order import emails, statuses
from commerce.order.services import change_line_status, change_order_status
from commerce.partner import stock
from commerce.voucher.services import issue_refund_voucher

from .selectors import LIVE, refundable, units_amount
from .stripe import client
from .stripe.amounts import STEP, from_stripe_amount, to_stripe_amount
from .stripe.sessions import stripe_source_type

log = logging.getLogger(__name__)

Order = get_model("order", "Order")
PaymentEventType = get_model("order", "PaymentEventType")
Source = get_model("payment", "Source")
StripeCheckoutSession = get_model("payment", "StripeCheckoutSession")
Refund = get_model("payment", "Refund")
RefundLine = get_model("payment", "RefundLine")

#: Stripe errors after which the refund may or may not have been made: the refund stays pending.
UNCERTAIN = (stripe.APIConnectionError, stripe.APIError, stripe.RateLimitError)


class RefundError(Exception):
    """A refund that cannot be made; ``str()`` is a message for the person who asked."""


class RefundPending(RefundError):
    """Stripe did not answer: the refund is recorded as pending and will be completed later."""

    def __init__(self, refund):
        self.refund = refund
        super().__init__(
            _(
                "Stripe could not be reached: the refund of %(amount)s %(currency)s is recorded as "
                "pending and will be completed automatically."
            )
            % {"amount": refund.amount, "currency": refund.order.currency}
        )


def refund_order(
    order,
    *,
    lines=None,
    amounts=None,
    shipping=None,
    by=None,
    key=None,
    reason="",
    method=Refund.CARD,
    limit_to_revocable=False,
):
    """Refund ``lines`` of a paid order and return the completed refund.

    ``lines``: None for everything left (shipping included); else ``{line or id: quantity}``, or
    lines (or ids) refunded for all their units left. ``amounts``: ``{line or id: Decimal}`` money
    given back on a line without taking units back (the buyer keeps what was delivered); with
    ``amounts`` alone, ``lines`` defaults to none. ``shipping``: refund what is left of the
    shipping charge (default: only with the whole order). ``key``: the caller's idempotency key
    (a form's token); asking again with the same key returns the same refund.

    What a line delivered is taken back first (``commerce.fulfilment.revoke``: a coin pack's coins
    leave the wallet), in the transaction that records the refund. When part of it is gone (coins
    spent), the refund is refused with the reason, or with ``limit_to_revocable`` reduced to the
    units that can still be taken back. Should the card refund then fail, it is given back.
    Raises ``RefundError`` (nothing refunded) or ``RefundPending`` (Stripe did not answer).
    """
    for pending in order.refunds.filter(status=Refund.PENDING):
        complete_refund(pending)  # an earlier refund interrupted by a crash: finish it first
    if amounts and lines is None:
        lines = {}
    record = _record(
        order,
        lines=lines,
        amounts=amounts or {},
        shipping=shipping,
        by=by,
        key=key,
        reason=reason,
        method=method,
        limit=limit_to_revocable,
    )
    if record.status == Refund.FAILED:
        raise RefundError(_("Stripe refused the refund: %(error)s") % {"error": record.error})
    return complete_refund(record)


def complete_refund(record):
    """Ask Stripe for a pending card refund (again: same key, Stripe refunds once), then confirm it;
    a voucher refund gets its voucher and completes at once."""
    if not record.is_pending:
        return record
    if record.method == Refund.VOUCHER:
        return _complete_voucher_refund(record)
    payment = _stripe_payment(record.order)
    try:
        answer = client.create_refund(
            payment.payment_intent,
            amount=record.amount_minor,
            idempotency_key=record.key,
            metadata={"order_number": record.order.number, "refund_key": record.key},
        )
    except UNCERTAIN as error:
        log.warning("Refund %s: Stripe did not answer (%s); left pending", record.key, error)
        raise RefundPending(record) from error
    except stripe.StripeError as error:
        message = str(error.user_message or error)
        _fail(record, message)
        raise RefundError(_("Stripe refused the refund: %(error)s") % {"error": message}) from error
    return confirm_refund(record.key, stripe_refund_id=answer.id, stripe_status=answer.status)


def confirm_refund(key, *, stripe_refund_id="", stripe_status="succeeded"):
    """Complete the pending refund ``key`` once Stripe says it succeeded (or fail it); returns it.

    Called with Stripe's answer and by the webhook, in any order: the second call changes nothing.
    """
    if stripe_status in ("failed", "canceled"):
        record = Refund.objects.filter(key=key).first()
        if record is not None:
            _fail(record, _("Stripe could not refund the card."))
        return record
    if stripe_status != "succeeded":
        return Refund.objects.filter(key=key).first()  # Stripe's "pending": its webhook will tell
    with transaction.atomic():
        record = Refund.objects.select_related("order").filter(key=key).first()
        if record is None:
            return None
        order = Order.objects.select_for_update().get(pk=record.order_id)
        record = Refund.objects.select_for_update().get(pk=record.pk)
        if not record.is_pending:
            return record
        record.status = Refund.SUCCEEDED
        record.stripe_refund_id = stripe_refund_id or record.stripe_refund_id
        record.date_completed = timezone.now()
        record.save(update_fields=["status", "stripe_refund_id", "date_completed"])
        _complete(order, record)
    log.info("Order %s: refund %s of %s completed", order.number, record.key, record.amount)
    return record


def complete_pending_refunds(older_than=None):
    """Finish refunds left pending by a crash or an unreachable Stripe (those recorded longer than
    ``older_than`` ago); returns how many completed."""
    pending = Refund.objects.filter(status=Refund.PENDING).select_related("order").order_by("pk")
    if older_than:
        pending = pending.filter(date_created__lt=timezone.now() - older_than)
    completed = 0
    for record in pending:
        try:
            complete_refund(record)
        except RefundError:
            continue
        completed += 1
    return completed


# --- Step 1: record ----------------------------------------------------------------------------
def _record(order, *, lines, amounts, shipping, by, key, reason, method, limit=False):
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if key and (existing := Refund.objects.filter(key=key, order=order).first()):
            return existing
        if order.refunds.filter(status=Refund.PENDING).exists():
            raise RefundError(_("A refund of this order is still in progress: try again in a moment."))
        payment = _stripe_payment(order) if method == Refund.CARD else _paid(order)
        left, shipping_left = refundable(order)
        chosen = _chosen(order, lines, left)
        chosen += _chosen_amounts(order, amounts, left, taken={line.pk for line, _units, _amount in chosen})
        shipping_amount = shipping_left if (lines is None if shipping is None else shipping) else ZERO
        key = key or _default_key(order, chosen, shipping_amount)
        chosen = _revoke(chosen, left, key=key, limit=limit)
        if not chosen and not shipping_amount:
            raise RefundError(_("Nothing is left to refund on order %(number)s.") % {"number": order.number})
        after = {line.pk: [units_left, amount_left] for line, units_left, amount_left in left}
        for line, units, amount in chosen:
            after[line.pk][0] -= units
            after[line.pk][1] -= amount
        settled = {
            pk for pk, (units_left, amount_left) in after.items() if not units_left or amount_left <= 0
        }
        completes = len(settled) == len(after) and shipping_amount == shipping_left
        finished = [line for line, _units, _amount in chosen if line.pk in settled]
        _check_statuses(order, finished, completes)
        total = sum((amount for _line, _units, amount in chosen), ZERO) + shipping_amount
        record = Refund(
            order=order,
            method=method,
            shipping=shipping_amount,
            reason=reason[:255],
            created_by=by,
            key=key,
        )
        if method == Refund.CARD:
            record.amount_minor = _card_amount(order, payment, total, completes)
            record.amount = from_stripe_amount(record.amount_minor, order.currency)
        else:
            record.amount = total
        if record.amount <= 0:
            raise RefundError(_("Nothing is left to refund on this payment."))
        try:
            with transaction.atomic():
                record.save()
        except IntegrityError as error:  # the same request, already recorded
            raise RefundError(_("This refund has already been asked for.")) from error
        RefundLine.objects.bulk_create(
            [
                RefundLine(refund=record, line=line, quantity=units, amount=amount)
                for line, units, amount in chosen
            ]
        )
    return record


def _chosen(order, lines, left):
    """``[(line, units, amount)]`` asked for, each checked against what is left of the line."""
    by_pk = {line.pk: (line, units_left, amount_left) for line, units_left, amount_left in left}
    if lines is None:
        wanted = {pk: units_left for pk, (_line, units_left, _amount) in by_pk.items() if units_left}
    elif isinstance(lines, dict):
        wanted = {getattr(line, "pk", line): int(units) for line, units in lines.items() if units}
    else:
        wanted = {getattr(line, "pk", line): None for line in lines}
        if not wanted:
            raise RefundError(_("Choose lines of order %(number)s to refund.") % {"number": order.number})
    chosen = []
    for pk, units in sorted(wanted.items(), key=lambda item: str(item[0])):
        if pk not in by_pk:
            raise RefundError(_("Choose lines of order %(number)s to refund.") % {"number": order.number})
        line, units_left, amount_left = by_pk[pk]
        units = units_left if units is None else units
        if units_left <= 0:
            raise RefundError(_("“%(title)s” has already been refunded.") % {"title": line.title})
        if units < 1 or units > units_left:
            raise RefundError(
                _("Only %(left)d of “%(title)s” can still be refunded.")
                % {"left": units_left, "title": line.title}
            )
        chosen.append((line, units, units_amount(line, units, units_left, amount_left)))
    return chosen


def _chosen_amounts(order, amounts, left, *, taken):
    """``[(line, 0, amount)]``: money asked back on lines (none of ``taken``, whose units are
    refunded), each within what is left of its price."""
    by_pk = {line.pk: (line, amount_left) for line, _units_left, amount_left in left}
    chosen = []
    for pk, amount in sorted(amounts.items(), key=lambda item: str(getattr(item[0], "pk", item[0]))):
        pk = getattr(pk, "pk", pk)
        if pk not in by_pk:
            raise RefundError(_("Choose lines of order %(number)s to refund.") % {"number": order.number})
        line, amount_left = by_pk[pk]
        if pk in taken:
            raise RefundError(
                _("Refund units or an amount of “%(title)s”, not both at once.") % {"title": line.title}
            )
        amount = to_millimes(amount)
        if amount <= 0:
            raise RefundError(
                _("The amount to refund on “%(title)s” must be more than zero.") % {"title": line.title}
            )
        if amount > amount_left:
            raise RefundError(
                _("Only %(left)s %(currency)s of “%(title)s” can still be refunded.")
                % {"left": amount_left, "currency": order.currency, "title": line.title}
            )
        chosen.append((line, 0, amount))
    return chosen


def _revoke(chosen, left, *, key, limit):
    """Take back what the chosen units delivered (``commerce.fulfilment``); the units the refund
    may still cover, each line's amount recomputed when a step limited it."""
    amounts_left = {line.pk: (units_left, amount_left) for line, units_left, amount_left in left}
    kept = []
    for line, units, amount in chosen:
        if not units:  # an amount alone: the buyer keeps what was delivered
            kept.append((line, units, amount))
            continue
        try:
            allowed = fulfilment.revoke(line, units, limit=limit, key=_revoke_key(key, line))
        except RevokeRefused as error:
            raise RefundError(str(error)) from error
        if allowed != units:
            amount = units_amount(line, allowed, *amounts_left[line.pk])
        if allowed:
            kept.append((line, allowed, amount))
    return kept


def _revoke_key(refund_key, line):
    return f"{refund_key}:line-{line.pk}"


def _card_amount(order, payment, total, completes):
    """Stripe units to refund: the lines' price rounded down to Stripe's step, or all that is left."""
    given_back = order.refunds.filter(status__in=LIVE).aggregate(total=Sum("amount"))["total"] or ZERO
    remaining = payment.amount - int(to_millimes(given_back) * 1000)
    remaining -= remaining % STEP
    if completes:
        return max(remaining, 0)
    return max(min(to_stripe_amount(total, order.currency), remaining), 0)


def _default_key(order, chosen, shipping_amount):
    """The same request on the same refund history names the same refund (a double click)."""
    history = ",".join(
        str(pk) for pk in order.refunds.filter(status__in=LIVE).order_by("pk").values_list("pk", flat=True)
    )
    request = ",".join(
        f"{line.pk}x{units}" if units else f"{line.pk}:{amount}" for line, units, amount in chosen
    )
    digest = hashlib.sha256(f"{request}|{shipping_amount}|{history}".encode()).hexdigest()[:32]
    return f"refund-{order.number}-{digest}"


def _paid(order):
    if not order.is_paid:
        raise RefundError(_("Only paid orders can be refunded."))
    return None


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


def _fail(record, message):
    """The refund failed: mark it so, once, and give back what was taken back for it."""
    with transaction.atomic():
        updated = Refund.objects.filter(pk=record.pk, status=Refund.PENDING).update(
            status=Refund.FAILED, error=message[:500], date_completed=timezone.now()
        )
        if updated:
            for refund_line in record.lines.filter(quantity__gt=0).select_related(
                "line__order", "line__product"
            ):
                fulfilment.restore(
                    refund_line.line, refund_line.quantity, key=_revoke_key(record.key, refund_line.line)
                )
    if updated:
        log.warning("Refund %s failed: %s", record.key, message)


# --- Step 3: complete ---------------------------------------------------------------------------
def _complete_voucher_refund(record):
    """A voucher refund calls no one: its voucher is created and the refund completed at once."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=record.order_id)
        record = Refund.objects.select_for_update().get(pk=record.pk)
        if not record.is_pending:
            return record
        record.voucher = issue_refund_voucher(order, record.amount)
        record.status = Refund.SUCCEEDED
        record.date_completed = timezone.now()
        record.save(update_fields=["voucher", "status", "date_completed"])
        _complete(order, record)
    return record


def _complete(order, record):
    """Everything a completed refund causes, inside its transaction (the email after commit)."""
    refund_lines = list(record.lines.select_related("line__stockrecord"))
    if record.method == Refund.CARD:
        _record_payment(order, record, refund_lines)
    note = _("Refund of order %(number)s") % {"number": order.number}
    for refund_line in refund_lines:
        if refund_line.quantity:
            _restore_stock(refund_line.line, refund_line.quantity, record.created_by, note)
    _mark_refunded(order, record.created_by)
    issue_credit_note(record)
    emails.send_refund_email_on_commit(record)


def _record_payment(order, record, refund_lines):
    """Oscar's books: a "Refunded" payment event for the units, a refund transaction on the source."""
    event_type = PaymentEventType.objects.get_or_create(code="refunded", defaults={"name": _("Refunded")})[0]
    event = order.payment_events.create(
        amount=record.amount, reference=record.stripe_refund_id, event_type=event_type
    )
    for refund_line in refund_lines:
        if refund_line.quantity:
            event.line_quantities.create(line=refund_line.line, quantity=refund_line.quantity)
    source = order.sources.filter(source_type__code="stripe").first() or Source.objects.create(
        order=order, source_type=stripe_source_type(), currency=order.currency
    )
    source.refund(record.amount, reference=record.stripe_refund_id, status="succeeded")


def _restore_stock(line, units, by, note):
    """Units still held for the line go back to available; units already shipped go back on the shelf."""
    if line.stockrecord_id is None:
        return
    history = line.stock_movements.aggregate(held=Sum("allocated_change"), moves=Count("pk"))
    if history["moves"]:
        held = max(0, min(units, history["held"] or 0))
    else:
        held = 0 if line.status in (statuses.SHIPPED, statuses.DELIVERED) else units
    if held:
        stock.release(line.stockrecord_id, held, line=line, by=by, note=note)
    if units - held:
        stock.restock(line.stockrecord_id, units - held, line=line, by=by, note=note)


def _mark_refunded(order, by):
    """Lines refunded in full, and the order once everything is, move to "refunded"."""
    lines, shipping_left = refundable(order, states=(Refund.SUCCEEDED,))
    for line, units_left, _amount in lines:
        if units_left <= 0 and line.status != statuses.REFUNDED:
            change_line_status(line, statuses.REFUNDED, by=by)
    if not shipping_left and all(units_left <= 0 for _line, units_left, _amount in lines):
        change_order_status(order, statuses.REFUNDED, by=by)
