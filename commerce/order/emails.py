"""Order emails to the customer, in the language of the order, through Oscar's communication framework.

One email per (order, event): Oscar's ``CommunicationEvent`` rows record what was sent, and the
order row is locked while checking and sending, so a task that runs twice (or twice at once) sends
once. Templates follow Oscar's file convention
(``oscar/communication/emails/commtype_<code>_{subject.txt,body.txt,body.html}``) and may be
overridden per event type from the dashboard. The confirmation (cash on delivery) and payment
emails carry the invoice PDFs.

Shipping and delivery are told per parcel instead (a seller ships its lines on its own): one email
per shipping event (``LINES_SHIPPED`` / ``LINES_DELIVERED``, with the tracking number), sent once
thanks to the event's ``customer_notified_at``, checked and set under the event's row lock.
"""

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from oscar.core.loading import get_class, get_model

from commerce.communication.utils import site_url
from commerce.order import statuses

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
CommunicationEvent = get_model("order", "CommunicationEvent")
CommunicationEventType = get_model("communication", "CommunicationEventType")
Dispatcher = get_class("communication.utils", "Dispatcher")

ORDER_PLACED = "ORDER_PLACED"
ORDER_PAID = "ORDER_PAID"
ORDER_SHIPPED = "ORDER_SHIPPED"
ORDER_DELIVERED = "ORDER_DELIVERED"
ORDER_CANCELLED = "ORDER_CANCELLED"
ORDER_REFUNDED = "ORDER_REFUNDED"
#: One email per shipping event: a seller's parcel left, or reached the customer.
LINES_SHIPPED = "LINES_SHIPPED"
LINES_DELIVERED = "LINES_DELIVERED"

#: Names of the event types as the dashboard lists them (staff-facing, kept in English like Oscar's).
EVENT_NAMES = {
    ORDER_PLACED: "Order placed",
    ORDER_PAID: "Order paid",
    ORDER_SHIPPED: "Order shipped",
    ORDER_DELIVERED: "Order delivered",
    ORDER_CANCELLED: "Order cancelled",
    ORDER_REFUNDED: "Order refunded",
    LINES_SHIPPED: "Order lines shipped",
    LINES_DELIVERED: "Order lines delivered",
}

#: The email of each shipping event type (see ``commerce.order.services.ship_lines``).
SHIPPING_EVENTS = {statuses.SHIPPED: LINES_SHIPPED, statuses.DELIVERED: LINES_DELIVERED}

#: The email an order status change sends (shipping and delivery are told per parcel instead).
STATUS_EVENTS = {
    statuses.PAID: ORDER_PAID,
    statuses.CANCELLED: ORDER_CANCELLED,
    statuses.REFUNDED: ORDER_REFUNDED,
}

#: Emails that carry the invoices (issued first if the order may be invoiced).
WITH_INVOICES = (ORDER_PLACED, ORDER_PAID)


def event_for_status(status):
    """The event code of the email for an order that has just moved to ``status`` (or None)."""
    return STATUS_EVENTS.get(status)


def send_order_email_on_commit(order, event_code):
    """Queue the email once the current transaction commits (what services should call)."""
    from commerce.order.tasks import send_order_email as task

    transaction.on_commit(partial(task.delay, order.number, event_code))


def already_sent(order, event_code):
    return CommunicationEvent.objects.filter(order=order, event_type__code=event_code).exists()


def send_order_email(order, event_code):
    """Send the ``event_code`` email of this order unless it was sent already; True if sent now."""
    if event_code not in EVENT_NAMES:
        raise ValueError(f"unknown order email {event_code!r}")
    if already_sent(order, event_code):
        return False
    # PDFs are rendered before the order row is locked (rendering takes a while).
    attachments = _invoice_attachments(order) if event_code in WITH_INVOICES else []
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if already_sent(order, event_code):
            return False
        if not order.email:
            logger.warning("Order %s: no email address for %s", order.number, event_code)
            return False
        _dispatch(order, event_code, _context(order, event_code), attachments)
    logger.info("Order %s: sent %s to the customer", order.number, event_code)
    return True


def send_shipping_event_email_on_commit(shipping_event):
    """Queue the email of a parcel shipped or delivered once the current transaction commits."""
    from commerce.order.tasks import send_shipping_event_email as task

    transaction.on_commit(partial(task.delay, shipping_event.pk))


def send_shipping_event_email(shipping_event):
    """Tell the customer these lines left (with the parcel's tracking) or arrived, once per event;
    True if sent now."""
    event_code = SHIPPING_EVENTS[shipping_event.event_type.code]
    with transaction.atomic():
        event = type(shipping_event).objects.select_for_update().get(pk=shipping_event.pk)
        if event.customer_notified_at:
            return False
        order = event.order
        if not order.email:
            logger.warning("Order %s: no email address for %s", order.number, event_code)
            return False
        context = {
            **_context(order, event_code),
            "shipment": event,
            "lines": list(event.lines.select_related("partner").order_by("pk")),
        }
        _dispatch(order, event_code, context)
        event.customer_notified_at = timezone.now()
        event.save(update_fields=["customer_notified_at"])
    logger.info("Order %s: sent %s (shipping event %s) to the customer", order.number, event_code, event.pk)
    return True


def _dispatch(order, event_code, context, attachments=()):
    """Render the event's email in the order's language and send it; log it on the order."""
    event_type, _created = CommunicationEventType.objects.get_or_create(
        code=event_code,
        defaults={"name": EVENT_NAMES[event_code], "category": CommunicationEventType.ORDER_RELATED},
    )
    dispatcher = Dispatcher(logger=logger)
    # The dispatcher renders in the context's language; URLs are reversed in it too (see _context).
    messages = dispatcher.get_messages(event_code, context)
    if order.user_id:
        dispatcher.dispatch_user_messages(order.user, messages, list(attachments))
    else:
        dispatcher.dispatch_anonymous_messages(order.email, messages, list(attachments))
    CommunicationEvent.objects.create(order=order, event_type=event_type)


def order_language(order):
    from commerce.invoices.services import invoice_language

    return invoice_language(order)


def _invoice_attachments(order):
    from commerce.invoices.services import invoices_ready_for, pdf_bytes

    return [
        (f"{invoice.number}.pdf", pdf_bytes(invoice), "application/pdf")
        for invoice in invoices_ready_for(order)
    ]


def _absolute(path):
    return site_url() + path


def _context(order, event_code):
    """What the templates see, in the order's language: the dispatcher renders in ``language`` and
    the URLs are built in it (``/ar/…``)."""
    with translation.override(order_language(order)):
        return {**_order_context(order, event_code), "language": order_language(order)}


def _order_context(order, event_code):
    from commerce.invoices.selectors import invoice_links

    guest_hash = None if order.user_id else order.verification_hash()
    try:
        if guest_hash:
            status_path = reverse("order-status", kwargs={"order_number": order.number, "hash": guest_hash})
        else:
            status_path = reverse("customer:order", kwargs={"order_number": order.number})
    except NoReverseMatch:
        status_path = ""
    invoices = [{**link, "url": _absolute(link["url"])} for link in invoice_links(order, guest_hash)]
    return {
        "order": order,
        "lines": list(order.lines.all()),
        "user": order.user,
        "event_code": event_code,
        "customer_name": _customer_name(order),
        "is_cash_on_delivery": order.payment_method == Order.CASH_ON_DELIVERY,
        "is_paid": order.paid_at is not None,
        "shipping_address": order.shipping_address,
        "status_path": status_path,
        "status_url": _absolute(status_path) if status_path else "",
        "invoices": invoices,
        "shop_name": settings.OSCAR_SHOP_NAME,
    }


def _customer_name(order):
    address = order.billing_address or order.shipping_address
    if address and address.first_name:
        return address.first_name
    if order.user_id:
        return order.user.first_name
    return ""
