"""The client's calls and appointments on the "my consultations" page, beside their paid messages
(seed 003: one page with messages, bookings and calls), through the consultations app's registry.
The bookings' own page keeps the actions (cancel, accept a proposal, add to a calendar)."""

from django.utils.translation import gettext_lazy as _

from commerce.consultations import sections

from . import selectors
from .models import Booking

#: Most bookings the consultations page lists (the newest first); "My bookings" has them all.
SHOWN = 20


def bookings_for_page(user):
    bookings = selectors.bookings_of_client(user).exclude(status=Booking.Status.HELD)
    return list(bookings.order_by("-start")[:SHOWN])


def register_section():
    sections.register(
        "bookings",
        _("Calls and appointments"),
        "bookings/sections/consultations.html",
        bookings_for_page,
        order=20,
    )
