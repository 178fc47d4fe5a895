"""Reading refunds: what is left to refund of an order, its payment status, the refunds to show."""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from commerce.money.fields import ZERO, to_millimes

Refund = get_model("payment", "Refund")
RefundLine = get_model("payment", "RefundLine")

#: Refunds that count against what is left (a failed one gave nothing back).
LIVE = (Refund.PENDING, Refund.SUCCEEDED)

UNPAID, PAID, PARTLY_REFUNDED, REFUNDED = "unpaid", "paid", "partly_refunded", "refunded"
PAYMENT_STATUSES = (UNPAID, PAID, PARTLY_REFUNDED, REFUNDED)
PAYMENT_STATUS_LABELS = (
    (UNPAID, _("Not paid")),
    (PAID, _("Paid")),
    (PARTLY_REFUNDED, _("Partly refunded")),
    (REFUNDED, _("Refunded")),
)


def refunded_quantities(order, states=LIVE):
    """``{line id: (units, amount)}`` refunded (or being refunded) of the order; the amount counts
    the units' price and the amounts refunded without units."""
    rows = (
        RefundLine.objects.filter(refund__order=order, refund__status__in=states)
        .values("line_id")
        .annotate(units=Sum("quantity"), amount=Sum("amount"))
    )
    return {row["line_id"]: (row["units"], row["amount"]) for row in rows}


def refundable(order, states=LIVE):
    """What is left to refund: ``([(line, units left, amount left)], shipping left)``.

    A line's refunds (units, and amounts refunded without taking units back) never exceed its price
    incl. tax: once its whole price is given back, no unit is left to refund either.
    """
    done = refunded_quantities(order, states)
    lines = []
    for line in order.lines.select_related("stockrecord").order_by("pk"):
        units, amount = done.get(line.pk, (0, ZERO))
        amount_left = max(line.line_price_incl_tax - amount, ZERO)
        lines.append((line, line.quantity - units if amount_left else 0, amount_left))
    shipping_done = order.refunds.filter(status__in=states).aggregate(total=Sum("shipping"))["total"] or ZERO
    return lines, max(order.shipping_incl_tax - shipping_done, ZERO)


def units_amount(line, units, units_left, amount_left):
    """Price incl. tax of ``units`` of a line: the last units take what is left of its price."""
    if units == units_left:
        return amount_left
    return min(to_millimes(line.line_price_incl_tax * units / line.quantity), amount_left)


def payment_status(order):
    """``unpaid``, ``paid``, ``partly_refunded`` or ``refunded``: completed refunds only."""
    if not order.is_paid:
        return UNPAID
    if not order.refunds.filter(status=Refund.SUCCEEDED).exists():
        return PAID
    lines, shipping_left = refundable(order, states=(Refund.SUCCEEDED,))
    if shipping_left or any(units_left for _line, units_left, _amount in lines):
        return PARTLY_REFUNDED
    return REFUNDED


def payment_status_label(status):
    return dict(PAYMENT_STATUS_LABELS)[status]


def customer_refunds(order):
    """The refunds a customer sees (completed or under way), newest first, with their lines."""
    return list(
        order.refunds.filter(status__in=LIVE).prefetch_related("lines__line").order_by("-date_created", "-pk")
    )


def completed_refunds(order):
    """The order's completed refunds, oldest first, with their lines (what the API lists)."""
    return list(
        order.refunds.filter(status=Refund.SUCCEEDED).prefetch_related("lines").order_by("date_created", "pk")
    )
