"""Seller services, the product class "service" (attribute "duration_minutes"): paying a line
confirms the slot the shopper held for it before checkout.

Registered in the fulfilment registry by ``BookingsConfig.ready``.
"""

import logging
from datetime import timedelta

from commerce.fulfilment.registry import register

from .exceptions import SlotTaken
from .models import Booking

log = logging.getLogger(__name__)

#: The product class slug and the attribute code of services (commerce/demo/catalogue_data.py).
SERVICE = "service"
DURATION_ATTRIBUTE = "duration_minutes"


def register_services():
    register(SERVICE, fulfil=confirm_line, requires_account=True, check=slot_held)


def duration_of(product):
    """How long one booking of the service ``product`` lasts, or None when it is not a service."""
    product_class = product.get_product_class()
    if product_class is None or product_class.slug != SERVICE:
        return None
    value = product.attribute_values.filter(attribute__code=DURATION_ATTRIBUTE).first()
    return timedelta(minutes=int(value.value)) if value is not None and value.value else None


def booking_for_line(line):
    """The slot held for an order line: the booking of its basket's line of the same product."""
    return (
        Booking.objects.filter(
            basket_line__basket_id=line.order.basket_id,
            basket_line__product_id=line.product_id,
            status__in=(Booking.Status.HELD, Booking.Status.RELEASED, Booking.Status.CONFIRMED),
        )
        .order_by("-pk")
        .first()
    )


def slot_held(basket_line):
    """Refuse a service line without a slot still held for it (none chosen, or the hold expired
    and the slot went to someone else)."""
    from django.utils.translation import gettext as _

    booking = Booking.objects.filter(basket_line=basket_line).order_by("-pk").first()
    if booking is not None and (
        booking.status == Booking.Status.HELD
        or (booking.status == Booking.Status.RELEASED and _still_free(booking))
    ):
        return None
    return _("“%(title)s”: choose a time for this service again before paying.") % {
        "title": basket_line.product.get_title()
    }


def _still_free(booking):
    from . import selectors

    return selectors.is_free(booking.provider, booking.start, booking.end - booking.start, exclude=booking)


def confirm_line(line):
    """The line is paid: its held slot becomes a confirmed booking (once per line)."""
    from . import services

    booking = booking_for_line(line)
    if booking is None:
        log.error("Order %s line %s: a service paid without a booked slot", line.order.number, line.pk)
        return
    try:
        services.confirm_paid_service(booking, line)
    except SlotTaken:
        log.error(
            "Order %s line %s: the held slot expired and was taken; refund the line",
            line.order.number,
            line.pk,
        )
