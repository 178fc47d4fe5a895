"""What the two participants are told about a call, through ``notify()``: its summary at the end.

Called by ``services.end_call`` inside its transaction; sent after commit, keyed by the call so an
end asked twice tells once.
"""

from functools import partial

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, Event, register

ENDED = "calls.ended"

EVENTS = (
    Event(
        code=ENDED,
        label=_("Video call summary"),
        title=_("Your video call is over: %(minutes)s min, %(coins)s coins"),
        body=_("The summary, the whiteboard and any recording are with the booking."),
        channels={EMAIL: INSTANT},
    ),
)


def register_events():
    for event in EVENTS:
        register(event)


def ended(call):
    booking = call.booking
    context = {
        "booking": booking.pk,
        "minutes": call.minutes,
        "coins": call.coins,
        "url": reverse("calls:room", args=[booking.pk]),
    }
    for user in (booking.client, booking.provider.expert.user):
        transaction.on_commit(
            partial(notify, user, ENDED, context, key=f"call-ended:{call.pk}:{user.pk}"), robust=True
        )
