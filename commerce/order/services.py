"""Named changes of an order's and its lines' status, with history (who, when) and stock effects.

Every change locks the row it changes, checks the pipeline (commerce/order/statuses.py), writes the
history row, moves stock through commerce/partner/stock.py and queues the customer's email after
commit. Whole-order changes cascade to each line that may follow; a seller changes only its lines.
"""

from django.db import transaction
from django.utils import timezone
from oscar.apps.order.signals import order_status_changed
from oscar.core.loading import get_model

from commerce.order import emails, statuses
from commerce.partner import stock

from .exceptions import InvalidStatusChange, PaidCancellation

Order = get_model("order", "Order")
Line = get_model("order", "Line")
OrderStatusChange = get_model("order", "OrderStatusChange")
LineStatusChange = get_model("order", "LineStatusChange")


def _check(current, requested, order):
    if requested not in statuses.PIPELINE.get(current, ()):
        raise InvalidStatusChange(current, requested)
    if requested == statuses.CANCELLED and order.is_paid:
        raise PaidCancellation(current)  # the money goes back first: cancellation.py


def _move_stock(line, old_status, new_status, by):
    if not line.stockrecord_id:
        return
    if new_status == statuses.SHIPPED:
        stock.consume(line.stockrecord_id, line.quantity, line=line, by=by)
    elif new_status == statuses.CANCELLED:
        stock.release(line.stockrecord_id, line.quantity, line=line, by=by)


@transaction.atomic
def change_line_status(line, new_status, *, by=None):
    """One seller line moves on (shipped, delivered …); stock follows; returns the locked line."""
    # Lock the order before the line, as change_order_status does, so the two never deadlock.
    order = Order.objects.select_for_update().filter(lines=line.pk).first()
    line = Line.objects.select_for_update().get(pk=line.pk)
    if line.status == new_status:
        return line
    _check(line.status, new_status, order)
    old_status = line.status
    line.status = new_status
    line.save(update_fields=["status"])
    LineStatusChange.objects.create(line=line, old_status=old_status, new_status=new_status, changed_by=by)
    _move_stock(line, old_status, new_status, by)
    _follow_lines(line.order_id, by)
    return line


def _follow_lines(order_id, by):
    """When every line of an order has reached the same status, the order reaches it too."""
    order = Order.objects.select_for_update().get(pk=order_id)
    reached = set(order.lines.values_list("status", flat=True))
    if len(reached) == 1:
        (status,) = reached
        if status != order.status and status in statuses.PIPELINE.get(order.status, ()):
            _set_order_status(order, status, by)


@transaction.atomic
def change_order_status(order, new_status, *, by=None):
    """The whole order moves on; lines that can follow do; the customer is emailed after commit."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status == new_status:
        return order
    _check(order.status, new_status, order)
    _set_order_status(order, new_status, by)
    for line in order.lines.all():
        if new_status in statuses.PIPELINE.get(line.status, ()):
            change_line_status(line, new_status, by=by)
    return order


def _set_order_status(order, new_status, by):
    """Write the order's new status, its history row and, when the customer must know, the email."""
    old_status = order.status
    order.status = new_status
    fields = ["status"]
    if (
        new_status == statuses.DELIVERED
        and order.payment_method == Order.CASH_ON_DELIVERY
        and not order.is_paid
    ):
        order.paid_at = timezone.now()  # the courier collected the cash
        fields.append("paid_at")
    order.save(update_fields=fields)
    OrderStatusChange.objects.create(order=order, old_status=old_status, new_status=new_status, changed_by=by)
    order_status_changed.send(sender=Order, order=order, old_status=old_status, new_status=new_status)
    event = emails.event_for_status(new_status)
    if event:
        emails.send_order_email_on_commit(order, event)
