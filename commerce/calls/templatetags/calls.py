"""``{% call_summary booking %}``: a booking's call on the booking pages (join link, or its summary)."""

from django import template
from django.urls import reverse
from django.utils import timezone

from commerce.calls.models import Call
from commerce.calls.services import opens_at

register = template.Library()


@register.inclusion_tag("calls/includes/summary.html")
def call_summary(booking):
    """The summary of the booking's call when there is one; a join link while the call is open.

    A booking whose room has not opened yet has no call: no query for it, so a list of upcoming
    bookings costs nothing here."""
    if booking.kind != "call" or timezone.now() < opens_at(booking):
        return {}
    call = Call.objects.filter(booking=booking).prefetch_related("recordings").first()
    join_url = ""
    if call is None and booking.status == "confirmed" and opens_at(booking) <= timezone.now() < booking.end:
        join_url = reverse("calls:room", args=[booking.pk])
    return {"call": call, "join_url": join_url}


@register.filter
def call_duration(seconds):
    """``mm:ss`` or ``h:mm:ss``."""
    minutes, seconds = divmod(int(seconds or 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
