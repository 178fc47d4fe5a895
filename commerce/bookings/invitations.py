"""The call link every invitation to an expert video call carries (issue 20's "automatic
invitations"): the confirmation, change and reminder notices and emails, the ``.ics`` attachment
and the outgoing calendar feeds all point at the booking's call page, and say when it opens.

The call page belongs to the calls app, which depends on bookings: it is reached by its URL name
only, and its opening time is the calls app's setting, so this module imports nothing from it.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commerce.communication.utils import site_url

#: The URL name of a booking's call page (commerce/calls/urls.py).
CALL_PAGE = "calls:room"

#: The line a video call's confirmation, change, reminder and calendar event carry.
CALL_LINE = _("Join the video call here: %(link)s (the call opens %(minutes)d minutes before, at %(opens)s).")


def has_call(booking):
    return booking.kind == booking.Kind.CALL


def call_url(booking_id):
    """The absolute address of a booking's call page, in the active language."""
    return site_url() + reverse(CALL_PAGE, args=[booking_id])


def opens_at(booking):
    """When the call page lets the two sides in."""
    return booking.start - timedelta(minutes=settings.CALLS_OPENS_MINUTES_BEFORE)


def opens_label(booking):
    """The opening time as people read it: wall-clock in the provider's time zone, named."""
    zone = booking.provider.zone
    return f"{opens_at(booking).astimezone(zone):%H:%M} ({zone.key})"


def call_line(booking_id, opens):
    """``CALL_LINE`` for one booking, in the active language."""
    return str(CALL_LINE) % {
        "link": call_url(booking_id),
        "minutes": settings.CALLS_OPENS_MINUTES_BEFORE,
        "opens": opens,
    }
