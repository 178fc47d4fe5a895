"""Background work of orders (each task is safe to run twice)."""

from smtplib import SMTPException

from celery import shared_task
from django.db import OperationalError
from oscar.core.loading import get_model

from commerce.order import emails

Order = get_model("order", "Order")
ShippingEvent = get_model("order", "ShippingEvent")

RETRY = {
    "acks_late": True,
    "autoretry_for": (SMTPException, ConnectionError, OperationalError),
    "retry_backoff": True,
    "max_retries": 8,
    # One email each: far below the default limits, so a stuck mail server frees the worker soon.
    "soft_time_limit": 60,
    "time_limit": 90,
}


@shared_task(**RETRY)
def send_order_email(order_number, event_code):
    """Send one order email (``emails.ORDER_PAID`` …) unless it was sent already."""
    order = Order.objects.filter(number=order_number).first()
    if order is None:
        return False
    return emails.send_order_email(order, event_code)


@shared_task(**RETRY)
def send_shipping_event_email(shipping_event_id):
    """Tell the customer about one parcel shipped or delivered unless it was told already."""
    event = ShippingEvent.objects.select_related("event_type").filter(pk=shipping_event_id).first()
    if event is None:
        return False
    return emails.send_shipping_event_email(event)


@shared_task(**RETRY)
def send_refund_email(refund_pk):
    """Send the email of one completed refund unless it was sent already."""
    return emails.send_refund_email(refund_pk)


@shared_task(**RETRY)
def send_return_email(return_pk):
    """Send the customer's email about a return's current step unless it was sent already."""
    return emails.send_return_email(return_pk)
