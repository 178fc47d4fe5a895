"""Order emails to the customer, in the language of the order, told through ``notify()``.

Each order email is an event type of the notification service (``order.<code>``, not switchable
off): a signed-in customer also finds it in the notification centre, and the email itself keeps
Oscar's communication framework — its event types are the email templates, rendered by its
dispatcher with the invoices attached (``_email`` below). The send functions run in Celery tasks
after the order's commit and deliver the notification at once, under the row locks below.

One email per (order, event): Oscar's ``CommunicationEvent`` rows record what was sent, and the
order row is locked while checking and sending, so a task that runs twice (or twice at once) sends
once. Templates follow Oscar's file convention
(``oscar/communication/emails/commtype_<code>_{subject.txt,body.txt,body.html}``) and may be
overridden per event type from the dashboard. The confirmation (cash on delivery) and payment
emails carry the invoice PDFs, the refund emails the credit notes: the invoices app registers what
an email attaches and links (``register_documents``), so this module never imports it.

Shipping and delivery are told per parcel instead (a seller ships its lines on its own): one email
per shipping event (``LINES_SHIPPED`` / ``LINES_DELIVERED``, with the tracking number), sent once
thanks to the event's ``customer_notified_at``, checked and set under the event's row lock.
"""

import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class, get_model

from commerce.communication.utils import site_url
from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, Event, register
from commerce.notifications.services import deliver
from commerce.order import statuses
from commerce.order.language import order_language
from commerce.partner.notifications import is_seller

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
CommunicationEvent = get_model("order", "CommunicationEvent")
CommunicationEventType = get_model("communication", "CommunicationEventType")
Dispatcher = get_class("communication.utils", "Dispatcher")

ORDER_PLACED = "ORDER_PLACED"
ORDER_PAID = "ORDER_PAID"
ORDER_CANCELLED = "ORDER_CANCELLED"
REFUND_ISSUED = "REFUND_ISSUED"
#: One email per shipping event: a seller's parcel left, or reached the customer.
LINES_SHIPPED = "LINES_SHIPPED"
LINES_DELIVERED = "LINES_DELIVERED"

#: Names of the event types as the dashboard lists them (staff-facing, kept in English like Oscar's).
EVENT_NAMES = {
    ORDER_PLACED: "Order placed",
    ORDER_PAID: "Order paid",
    ORDER_CANCELLED: "Order cancelled",
    REFUND_ISSUED: "Refund issued",
    LINES_SHIPPED: "Order lines shipped",
    LINES_DELIVERED: "Order lines delivered",
}

#: The email of each shipping event type (see ``commerce.order.services.ship_lines``).
SHIPPING_EVENTS = {statuses.SHIPPED: LINES_SHIPPED, statuses.DELIVERED: LINES_DELIVERED}

#: The email an order status change sends; shipping and delivery are told per parcel
#: (``send_shipping_event_email``), a refund per refund (``send_refund_email``).
STATUS_EVENTS = {
    statuses.PAID: ORDER_PAID,
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
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if already_sent(order, event_code):
            return False
        if not order.email:
            logger.warning("Order %s: no email address for %s", order.number, event_code)
            return False
        _tell(order, event_code, key=event_code)
    logger.info("Order %s: sent %s to the customer", order.number, event_code)
    return True


def send_shipping_event_email_on_commit(shipping_event):
    """Queue the email of a parcel shipped or delivered once the current transaction commits."""
    # The task module imports this one: imported here, when a service queues an email.
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
        _tell(order, event_code, key=f"shipping-{event.pk}", shipping_event=event.pk)
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


def order_event(event_code):
    """The notification service's event type of an order email (``ORDER_PAID`` → ``order.order_paid``)."""
    return f"order.{event_code.lower()}"


def _tell(order, event_code, *, key, **ids):
    """Tell the customer through ``notify()`` and deliver at once (this already runs after the
    order's commit, in a task, under the lock that makes it once)."""
    recipient = order.user if order.user_id else order.email
    context = {"order": order.number, "code": event_code, "language": order_language(order), **ids}
    notification = notify(recipient, order_event(event_code), context, key=f"{order.number}-{key}")
    deliver(notification.pk)


def _email_context(context, *, documents=True):
    """(order, the templates' context, attachments) of one order email, from its notification's."""
    order = Order.objects.get(number=context["order"])
    event_code = context["code"]
    refund, extra = None, {}
    if context.get("refund"):
        refund = get_model("payment", "Refund").objects.get(pk=context["refund"])
        extra = {
            "refund": refund,
            "refund_lines": list(refund.lines.select_related("line")),
            "fully_refunded": order.status == statuses.REFUNDED,
        }
    elif context.get("shipping_event"):
        shipment = get_model("order", "ShippingEvent").objects.get(pk=context["shipping_event"])
        extra = {"shipment": shipment, "lines": list(shipment.lines.select_related("partner").order_by("pk"))}
    elif context.get("return_request"):
        request = get_model("returns", "ReturnRequest").objects.get(pk=context["return_request"])
        extra = {"return_request": request, "return_lines": list(request.lines.select_related("line"))}
    attachments, links = [], []
    if documents and not (context.get("shipping_event") or context.get("return_request")):
        attachments, links = _documents(order, event_code, refund, _guest_hash(order))
    return order, {**_context(order, event_code, links), **extra}, attachments


def _render(context):
    """The in-app notice: the email's subject, leading to the order's page."""
    _order, values, _attachments = _email_context(context, documents=False)
    messages = Dispatcher(logger=logger).get_messages(context["code"], values)
    return {"title": messages["subject"], "body": "", "url": values["status_path"]}


def _email(notification):
    """The email channel of order events: Oscar's dispatcher, its templates, the documents attached."""
    order, values, attachments = _email_context(notification.context)
    _dispatch(order, notification.context["code"], values, attachments)


def _guest_hash(order):
    return None if order.user_id else order.verification_hash()


def _absolute(path):
    return site_url() + path


def _context(order, event_code, links=()):
    """What the templates see, in the order's language: the dispatcher renders in ``language`` and
    the URLs are built in it (``/ar/…``)."""
    language = order_language(order)
    with translation.override(language):
        return {**_order_context(order, event_code, links), "language": language}


def _order_context(order, event_code, links):
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
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.customer_notified_at is not None:
            return False
        if not order.email:
            logger.warning("Order %s: no email address for refund %s", order.number, refund.pk)
            return False
        _tell(order, REFUND_ISSUED, key=f"refund-{refund.pk}", refund=refund.pk)
        refund.customer_notified_at = timezone.now()
        refund.save(update_fields=["customer_notified_at"])
    logger.info("Order %s: sent the email of refund %s", order.number, refund.pk)
    return True


# --- Sellers -----------------------------------------------------------------------------------------
SELLER_ORDER_CANCELLED = "order-cancelled"
SELLER_RETURN_REQUESTED = "return-requested"


#: What each seller notice says, and where it leads (the dashboard's order, the returns queue).
SELLER_EVENTS = {
    SELLER_ORDER_CANCELLED: Event(
        code="seller.order_cancelled",
        label=_("An order cancelled by the customer"),
        title=_("Order %(number)s was cancelled by the customer"),
        body=_(
            "The customer cancelled order %(number)s: do not ship it. The stock of your lines is "
            "available again; a paid order has been refunded."
        ),
        channels={EMAIL: INSTANT},
        audience=is_seller,
    ),
    SELLER_RETURN_REQUESTED: Event(
        code="seller.return_requested",
        label=_("A return requested by the customer"),
        title=_("Return requested on order %(number)s"),
        body=_(
            "The customer asks to return lines of order %(number)s: approve or refuse it in the dashboard."
        ),
        channels={EMAIL: INSTANT},
        audience=is_seller,
    ),
}
for _seller_event in SELLER_EVENTS.values():
    register(_seller_event)


def notify_sellers_on_commit(order, partner_ids, event):
    """Tell the users of these shops about ``event`` on ``order`` (their centre, email by their
    settings; delivered after the caller's transaction commits, once per call)."""
    if event == SELLER_RETURN_REQUESTED:
        path = reverse("returns-dashboard:queue")
    else:
        path = reverse("dashboard:order-detail", kwargs={"number": order.number})
    users = get_user_model().objects.filter(partners__in=partner_ids, is_active=True).distinct()
    key = f"{order.number}-{timezone.now().isoformat()}"
    for user in users.order_by("pk"):
        notify(user, SELLER_EVENTS[event].code, {"number": order.number, "url": path}, key=key)


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
        _tell(order, event_code, key=f"return-{request.pk}-{request.status}", return_request=request.pk)
        request.customer_notified = request.status
        request.save(update_fields=["customer_notified"])
    return True


for _code, _name in EVENT_NAMES.items():
    register(
        Event(
            code=order_event(_code),
            label=_name,
            render=_render,
            email=_email,
            channels={EMAIL: INSTANT},
            configurable=False,  # what was ordered, paid, shipped or refunded is always told
        )
    )
