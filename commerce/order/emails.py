"""Order emails to the customer, in the language of the order, through Oscar's communication framework.

One email per (order, event): Oscar's ``CommunicationEvent`` rows record what was sent, and the
order row is locked while checking and sending, so a task that runs twice (or twice at once) sends
once. Templates follow Oscar's file convention
(``oscar/communication/emails/commtype_<code>_{subject.txt,body.txt,body.html}``) and may be
overridden per event type from the dashboard. The confirmation (cash on delivery) and payment
emails carry the invoice PDFs, the refund emails the credit notes: the invoices app registers what
an email attaches and links (``register_documents``), so this module never imports it.
"""

import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from oscar.core.loading import get_class, get_model

from commerce.order import statuses
from commerce.order.language import order_language

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
REFUND_ISSUED = "REFUND_ISSUED"

#: Names of the event types as the dashboard lists them (staff-facing, kept in English like Oscar's).
EVENT_NAMES = {
    ORDER_PLACED: "Order placed",
    ORDER_PAID: "Order paid",
    ORDER_SHIPPED: "Order shipped",
    ORDER_DELIVERED: "Order delivered",
    ORDER_CANCELLED: "Order cancelled",
    REFUND_ISSUED: "Refund issued",
}

#: The email an order status change sends (a refund sends its own, per refund: ``send_refund_email``).
STATUS_EVENTS = {
    statuses.PAID: ORDER_PAID,
    statuses.SHIPPED: ORDER_SHIPPED,
    statuses.DELIVERED: ORDER_DELIVERED,
    statuses.CANCELLED: ORDER_CANCELLED,
}

#: Emails that carry the invoices (issued first if the order may be invoiced).
WITH_INVOICES = (ORDER_PLACED, ORDER_PAID)

#: ``provider(order, event_code, refund, verification_hash) -> (attachments, links)``: documents an
#: email carries (attachments as ``(filename, bytes, mimetype)``, links as ``{"number", "vendor",
#: "url", "kind"}``); the invoices app registers its invoices and credit notes here.
_document_providers = []


def register_documents(provider):
    """Add a provider of documents to order emails (idempotent: app registries may load twice)."""
    if provider not in _document_providers:
        _document_providers.append(provider)
    return provider


def _documents(order, event_code, refund=None, verification_hash=None):
    attachments, links = [], []
    for provider in _document_providers:
        more_attachments, more_links = provider(order, event_code, refund, verification_hash)
        attachments += more_attachments
        links += more_links
    return attachments, links


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
    attachments, links = _documents(order, event_code, verification_hash=_guest_hash(order))
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if already_sent(order, event_code):
            return False
        recipient = order.email
        if not recipient:
            logger.warning("Order %s: no email address for %s", order.number, event_code)
            return False
        event_type, _created = CommunicationEventType.objects.get_or_create(
            code=event_code,
            defaults={"name": EVENT_NAMES[event_code], "category": CommunicationEventType.ORDER_RELATED},
        )
        dispatcher = Dispatcher(logger=logger)
        with translation.override(order_language(order)):
            messages = dispatcher.get_messages(event_code, _context(order, event_code, links))
        if order.user_id:
            dispatcher.dispatch_user_messages(order.user, messages, attachments)
        else:
            dispatcher.dispatch_anonymous_messages(recipient, messages, attachments)
        CommunicationEvent.objects.create(order=order, event_type=event_type)
    logger.info("Order %s: sent %s to the customer", order.number, event_code)
    return True


def _guest_hash(order):
    return None if order.user_id else order.verification_hash()


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _context(order, event_code, links):
    """What the templates see; URLs are built in the order's language (``/ar/…``)."""
    guest_hash = _guest_hash(order)
    try:
        if guest_hash:
            status_path = reverse("order-status", kwargs={"order_number": order.number, "hash": guest_hash})
        else:
            status_path = reverse("customer:order", kwargs={"order_number": order.number})
    except NoReverseMatch:
        status_path = ""
    links = [{**link, "url": _absolute(link["url"])} for link in links]
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
        "invoices": [link for link in links if link.get("kind", "invoice") == "invoice"],
        "credit_notes": [link for link in links if link.get("kind") == "credit_note"],
        "shop_name": settings.OSCAR_SHOP_NAME,
    }


def _customer_name(order):
    address = order.billing_address or order.shipping_address
    if address and address.first_name:
        return address.first_name
    if order.user_id:
        return order.user.first_name
    return ""


# --- Refunds ---------------------------------------------------------------------------------------
def send_refund_email_on_commit(refund):
    """Queue the email of a completed refund once the current transaction commits."""
    # The task module imports this one: imported here, when a service queues an email.
    from commerce.order.tasks import send_refund_email as task

    transaction.on_commit(partial(task.delay, refund.pk))


def send_refund_email(refund_pk):
    """Tell the customer about one completed refund (amount, units, method, credit notes), once;
    True if sent now. The refund row is locked while checking and sending, as orders are above."""
    Refund = get_model("payment", "Refund")
    refund = Refund.objects.select_related("order").filter(pk=refund_pk, status=Refund.SUCCEEDED).first()
    if refund is None or refund.customer_notified_at is not None:
        return False
    order = refund.order
    attachments, links = _documents(order, REFUND_ISSUED, refund, _guest_hash(order))
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.customer_notified_at is not None:
            return False
        if not order.email:
            logger.warning("Order %s: no email address for refund %s", order.number, refund.pk)
            return False
        event_type, _created = CommunicationEventType.objects.get_or_create(
            code=REFUND_ISSUED,
            defaults={"name": EVENT_NAMES[REFUND_ISSUED], "category": CommunicationEventType.ORDER_RELATED},
        )
        context = {
            **_context(order, REFUND_ISSUED, links),
            "refund": refund,
            "refund_lines": list(refund.lines.select_related("line")),
            "fully_refunded": order.status == statuses.REFUNDED,
        }
        dispatcher = Dispatcher(logger=logger)
        with translation.override(order_language(order)):
            messages = dispatcher.get_messages(REFUND_ISSUED, context)
        if order.user_id:
            dispatcher.dispatch_user_messages(order.user, messages, attachments)
        else:
            dispatcher.dispatch_anonymous_messages(order.email, messages, attachments)
        CommunicationEvent.objects.create(order=order, event_type=event_type)
        refund.customer_notified_at = timezone.now()
        refund.save(update_fields=["customer_notified_at"])
    logger.info("Order %s: sent the email of refund %s", order.number, refund.pk)
    return True


# --- Sellers -----------------------------------------------------------------------------------------
SELLER_ORDER_CANCELLED = "order-cancelled"
SELLER_RETURN_REQUESTED = "return-requested"


def _seller_notice(event, order):
    """(subject, body) of a notice to a seller, in the seller's language (the site's default)."""
    if event == SELLER_ORDER_CANCELLED:
        return (
            gettext("Order %(number)s was cancelled by the customer") % {"number": order.number},
            gettext(
                "The customer cancelled order %(number)s: do not ship it. The stock of your lines is "
                "available again; a paid order has been refunded."
            )
            % {"number": order.number},
        )
    return (
        gettext("Return requested on order %(number)s") % {"number": order.number},
        gettext(
            "The customer asks to return lines of order %(number)s: approve or refuse it in the dashboard."
        )
        % {"number": order.number},
    )


def notify_sellers_on_commit(order, partner_ids, event):
    """Tell the users of these shops about ``event`` on ``order`` (email and dashboard notification)."""
    transaction.on_commit(partial(notify_sellers, order.pk, sorted(partner_ids), event))


def notify_sellers(order_pk, partner_ids, event):
    User = get_user_model()
    Notification = get_model("communication", "Notification")
    order = Order.objects.get(pk=order_pk)
    users = list(User.objects.filter(partners__in=partner_ids, is_active=True).distinct())
    if not users:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _seller_notice(event, order)
        if event == SELLER_RETURN_REQUESTED:
            link = _absolute(reverse("returns-dashboard:queue"))
        else:
            link = _absolute(reverse("dashboard:order-detail", kwargs={"number": order.number}))
    Notification.objects.bulk_create(
        [Notification(recipient=user, subject=subject, body=body) for user in users]
    )
    recipients = [user.email for user in users if user.email]
    if recipients:
        EmailMessage(subject, f"{body}\n\n{link}", to=recipients).send()


# --- Returns -------------------------------------------------------------------------------------
#: The customer's email for each step of a return request (its status).
RETURN_EVENTS = {"requested": "RETURN_REQUESTED", "approved": "RETURN_APPROVED", "refused": "RETURN_REFUSED"}
EVENT_NAMES.update(
    {
        "RETURN_REQUESTED": "Return requested",
        "RETURN_APPROVED": "Return approved",
        "RETURN_REFUSED": "Return refused",
    }
)


def send_return_email_on_commit(return_request):
    """Queue the customer's email about the return's current step once the transaction commits."""
    # The task module imports this one: imported here, when a service queues an email.
    from commerce.order.tasks import send_return_email as task

    transaction.on_commit(partial(task.delay, return_request.pk))


def send_return_email(return_pk):
    """Tell the customer the return's current step (requested, approved, refused), once per step."""
    ReturnRequest = get_model("returns", "ReturnRequest")
    request = ReturnRequest.objects.select_related("order").filter(pk=return_pk).first()
    if request is None or request.customer_notified == request.status:
        return False
    order = request.order
    event_code = RETURN_EVENTS[request.status]
    with transaction.atomic():
        request = ReturnRequest.objects.select_for_update().get(pk=request.pk)
        if request.customer_notified == request.status or not order.email:
            return False
        event_type, _created = CommunicationEventType.objects.get_or_create(
            code=event_code,
            defaults={"name": EVENT_NAMES[event_code], "category": CommunicationEventType.ORDER_RELATED},
        )
        context = {
            **_context(order, event_code, []),
            "return_request": request,
            "return_lines": list(request.lines.select_related("line")),
        }
        dispatcher = Dispatcher(logger=logger)
        with translation.override(order_language(order)):
            messages = dispatcher.get_messages(event_code, context)
        if order.user_id:
            dispatcher.dispatch_user_messages(order.user, messages)
        else:
            dispatcher.dispatch_anonymous_messages(order.email, messages)
        CommunicationEvent.objects.create(order=order, event_type=event_type)
        request.customer_notified = request.status
        request.save(update_fields=["customer_notified"])
    return True
