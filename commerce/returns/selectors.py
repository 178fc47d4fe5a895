"""Reading returns: when a line was delivered, what is still returnable, who sees which request."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from oscar.core.loading import get_model

from commerce.order import statuses
from commerce.partner.selectors import partner_ids_for
from commerce.payment.selectors import refunded_quantities

from .models import ReturnLine, ReturnPolicy, ReturnRequest

LineStatusChange = get_model("order", "LineStatusChange")
OrderStatusChange = get_model("order", "OrderStatusChange")


def delivered_at(line):
    """When the line was delivered: its own date when the order records one, else the history."""
    recorded = getattr(line, "delivered_at", None)
    if recorded:
        return recorded
    change = (
        LineStatusChange.objects.filter(line=line, new_status=statuses.DELIVERED)
        .order_by("-date_created")
        .first()
    )
    if change:
        return change.date_created
    change = (
        OrderStatusChange.objects.filter(order_id=line.order_id, new_status=statuses.DELIVERED)
        .order_by("-date_created")
        .first()
    )
    return change.date_created if change else None


def return_deadline(line):
    delivered = delivered_at(line)
    return delivered + timedelta(days=settings.ORDERS_RETURN_WINDOW_DAYS) if delivered else None


def returnable_units(order):
    """``{line id: units the customer may still ask to return}`` for delivered lines in the window."""
    asked = dict(
        ReturnLine.objects.filter(request__order=order)
        .exclude(request__status=ReturnRequest.REFUSED)
        .values_list("line_id")
        .annotate(units=Sum("quantity"))
    )
    refunded = refunded_quantities(order)
    now = timezone.now()
    units = {}
    for line in order.lines.filter(status=statuses.DELIVERED).order_by("pk"):
        deadline = return_deadline(line)
        if deadline is None or deadline < now:
            continue
        left = line.quantity - asked.get(line.pk, 0) - refunded.get(line.pk, (0, 0))[0]
        if left > 0:
            units[line.pk] = left
    return units


def allows_voucher(partner):
    policy = ReturnPolicy.objects.filter(partner=partner).first()
    return policy.allows_voucher if policy else True


def order_returns(order):
    return list(
        order.return_requests.select_related("partner", "refund").prefetch_related("lines__line", "photos")
    )


def returns_queue(user):
    """Requests a dashboard user may decide: all for staff, a seller only its shops'."""
    requests = ReturnRequest.objects.select_related("order", "partner", "refund").prefetch_related(
        "lines__line"
    )
    if not user.is_staff:
        requests = requests.filter(partner_id__in=partner_ids_for(user))
    return requests
