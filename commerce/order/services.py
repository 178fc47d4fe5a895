"""Named changes of an order's and its lines' status, with history (who, when) and stock effects.

Every change locks the row it changes, checks the pipeline (commerce/order/statuses.py), writes the
history row, moves stock through commerce/partner/stock.py and queues the customer's email after
commit. Whole-order changes cascade to each line that may follow; a seller changes only its lines,
and the order's status rolls up from its lines (``roll_up_order_status``).

Shipping and delivery are recorded as Oscar shipping events (``ship_lines``, ``record_delivery``):
one event per parcel, with its tracking number, and one email to the customer per event. The cash
of a cash-on-delivery order is collected by each seller's courier: recording the delivery of a
seller's lines records that cash as a payment event of those lines.
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
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventType = get_model("order", "ShippingEventType")
ShippingEventQuantity = get_model("order", "ShippingEventQuantity")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")

#: The road an order travels once paid (or confirmed, for cash on delivery), in order.
FORWARD = (statuses.PAID, statuses.PROCESSING, statuses.SHIPPED, statuses.DELIVERED)
#: Lines that no longer count towards the order's progress.
SETTLED = (statuses.CANCELLED, statuses.REFUNDED)
#: Line statuses recorded as a shipping event (with its email).
SHIPPING_STEPS = (statuses.SHIPPED, statuses.DELIVERED)
#: Payment event of the cash a courier collected on delivery.
CASH_COLLECTED = "cash-collected"


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
    roll_up_order_status(line.order, by=by)
    return line


def rolled_up_status(line_statuses):
    """The status an order with lines in ``line_statuses`` has reached, or None if they disagree.

    Cancelled and refunded lines are left aside; the other lines' least advanced step is the
    order's (two lines delivered and one shipped: the order is shipped)."""
    active = [status for status in line_statuses if status not in SETTLED]
    if not active:
        return line_statuses[0] if len(set(line_statuses)) == 1 else None
    if all(status in FORWARD for status in active):
        return min(active, key=FORWARD.index)
    return active[0] if len(set(active)) == 1 else None


def _path(current, target):
    """The statuses an order passes through from ``current`` to ``target``, each one a step of the
    pipeline (shipped before delivered); empty when the target is behind or out of reach."""
    if current in FORWARD and target in FORWARD:
        steps = FORWARD[FORWARD.index(current) + 1 : FORWARD.index(target) + 1]
    else:
        steps = (target,)
    path, at = [], current
    for step in steps:
        if step not in statuses.PIPELINE.get(at, ()):
            return []
        path.append(step)
        at = step
    return path


@transaction.atomic
def roll_up_order_status(order, *, by=None):
    """The order follows its lines: delivered when all its lines are, shipped when all have left,
    cancelled when all are; each step is written to the history. Returns the locked order."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    target = rolled_up_status(list(order.lines.values_list("status", flat=True)))
    if target is None or target == order.status:
        return order
    for step in _path(order.status, target):
        _set_order_status(order, step, by)
    return order


@transaction.atomic
def ship_lines(lines, *, by=None, tracking_number="", carrier=""):
    """These lines leave in one parcel (optionally tracked): the lines are shipped, stock leaves
    the shelf, the order rolls up, and the customer is emailed once the parcel is recorded."""
    return _record_shipping_event(
        lines, statuses.SHIPPED, by=by, tracking_number=tracking_number.strip(), carrier=carrier.strip()
    )


@transaction.atomic
def record_delivery(lines, *, by=None):
    """The courier delivered these lines: they are delivered, the customer is emailed, and on a
    cash-on-delivery order the cash collected for them is recorded as paid."""
    event = _record_shipping_event(lines, statuses.DELIVERED, by=by)
    if event.order.payment_method == Order.CASH_ON_DELIVERY:
        _record_cash_collected(event)
    return event


def _record_shipping_event(lines, status, *, by, **tracking):
    lines = list(lines)
    if not lines or len({line.order_id for line in lines}) != 1:
        raise ValueError("a shipping event covers lines of one order")
    Order.objects.select_for_update().filter(pk=lines[0].order_id).first()
    lines = list(Line.objects.select_for_update().filter(pk__in=[line.pk for line in lines]).order_by("pk"))
    for line in lines:
        if line.status == status:  # already recorded: a second parcel of the same line is refused
            raise InvalidStatusChange(line.status, status)
        change_line_status(line, status, by=by)
    event_type = ShippingEventType.objects.get_or_create(code=status, defaults={"name": status.capitalize()})[
        0
    ]
    event = ShippingEvent.objects.create(order_id=lines[0].order_id, event_type=event_type, **tracking)
    for line in lines:
        ShippingEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)
    emails.send_shipping_event_email_on_commit(event)
    return event


def _record_cash_collected(shipping_event):
    lines = list(shipping_event.lines.all())
    amount = sum((line.line_price_incl_tax for line in lines), start=0)
    event_type = PaymentEventType.objects.get_or_create(
        code=CASH_COLLECTED, defaults={"name": "Cash collected on delivery"}
    )[0]
    payment = PaymentEvent.objects.create(
        order_id=shipping_event.order_id,
        amount=amount,
        event_type=event_type,
        shipping_event=shipping_event,
        reference=shipping_event.tracking_number,
    )
    PaymentEventQuantity.objects.bulk_create(
        [PaymentEventQuantity(event=payment, line=line, quantity=line.quantity) for line in lines]
    )
    return payment


@transaction.atomic
def change_order_status(order, new_status, *, by=None):
    """The whole order moves on; lines that can follow do; the customer is emailed after commit."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status == new_status:
        return order
    _check(order.status, new_status, order)
    _set_order_status(order, new_status, by)
    following = [line for line in order.lines.all() if new_status in statuses.PIPELINE.get(line.status, ())]
    if following and new_status in SHIPPING_STEPS:
        (ship_lines if new_status == statuses.SHIPPED else record_delivery)(following, by=by)
    else:
        for line in following:
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
