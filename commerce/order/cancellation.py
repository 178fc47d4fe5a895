"""Cancelling orders and lines, with the money: the rules of who may cancel what, and what follows.

- A customer cancels their own order while it is unpaid or not yet shipped: an open Stripe payment
  page is closed first (so it cannot be paid afterwards), the stock is released, a paid order is
  refunded in full through the refund service (credit note, email), the sellers are told, and the
  history keeps who did it and why.
- A seller cancels its own lines: unpaid lines are cancelled (stock released); lines of an order
  paid by card are refunded through the same refund service (stock restored, credit note, emails);
  shipped or delivered lines are refused with the reason.

Views and the API only call these functions; ``CancellationRefused`` carries the reason to show.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from oscar.core.loading import get_model

from commerce.order import emails, statuses
from commerce.order.services import change_line_status, change_order_status
from commerce.payment.refunds import RefundError, RefundPending, refund_order
from commerce.payment.stripe.sessions import close_open_sessions

Order = get_model("order", "Order")

#: Lines in these statuses have left the seller: they come back through a return, not a cancellation.
GONE = (statuses.SHIPPED, statuses.DELIVERED)
#: Orders a customer may still cancel (a shipped one is returned instead).
CUSTOMER_CANCELLABLE = (statuses.PENDING_PAYMENT, statuses.PAID, statuses.PROCESSING)


class CancellationRefused(Exception):
    """The order or lines cannot be cancelled; ``str()`` says why, in the reader's language."""


def customer_cancellation_refusal(order):
    """Why the customer may not cancel ``order`` now (a translated sentence), or None if they may."""
    if order.status == statuses.CANCELLED:
        return _("This order is already cancelled.")
    if order.status == statuses.REFUNDED:
        return _("This order has already been refunded.")
    if order.status not in CUSTOMER_CANCELLABLE or order.lines.filter(status__in=GONE).exists():
        return _("This order has already been shipped: ask for a return instead.")
    if order.refunds.exists():
        return _("Part of this order has already been refunded: contact us to cancel the rest.")
    return None


def cancel_order_by_customer(order, *, by=None):
    """Cancel the customer's order (refunding it when paid); returns the order as it is now."""
    refusal = customer_cancellation_refusal(order)
    if refusal:
        raise CancellationRefused(refusal)
    reason = gettext_noop("Cancelled by the customer.")  # translated where it is read
    partner_ids = set(order.lines.exclude(partner=None).values_list("partner_id", flat=True))
    if order.payment_method == Order.CARD and not order.is_paid and close_open_sessions(order):
        order = Order.objects.get(pk=order.pk)  # paid at Stripe just before: refunded below
    if order.is_paid:
        _refund(order, None, by, reason)
    else:
        change_order_status(order, statuses.CANCELLED, by=by)
    order = Order.objects.get(pk=order.pk)
    order.notes.create(note_type="System", message=_(reason), user=by)
    emails.notify_sellers_on_commit(order, partner_ids, emails.SELLER_ORDER_CANCELLED)
    return order


def cancel_lines(order, lines, *, by=None):
    """A seller (or staff) cancels ``lines`` of ``order``: refunded when paid, else released."""
    lines = list(order.lines.filter(pk__in=[line.pk for line in lines]).order_by("pk"))
    gone = [line for line in lines if line.status in GONE]
    if gone:
        raise CancellationRefused(
            _("“%(title)s” has already been shipped: it can only come back through a return.")
            % {"title": gone[0].title}
        )
    if order.is_paid:
        if order.payment_method != Order.CARD:
            raise CancellationRefused(_("A paid cash-on-delivery line cannot be cancelled."))
        _refund(order, lines, by, gettext_noop("Cancelled by the seller."))
        return
    with transaction.atomic():
        for line in lines:
            change_line_status(line, statuses.CANCELLED, by=by)


def _refund(order, lines, by, reason):
    try:
        refund_order(order, lines=lines, by=by, reason=reason)
    except RefundPending:
        pass  # recorded: Stripe's webhook or the retry task completes it
    except RefundError as error:
        raise CancellationRefused(str(error)) from error
