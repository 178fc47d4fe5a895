"""Calendars in and out (iCalendar, RFC 5545).

Out: ``export(bookings)`` writes confirmed bookings as VEVENTs (the secret feeds and the
invitation attached to confirmation emails); a video call's event has its call page as URL and
LOCATION. In: ``refresh(provider)`` downloads the ICS address a provider pasted (httpx, size and
time capped, private and loopback addresses refused unless ``BOOKINGS_ICS_ALLOW_PRIVATE``, or
``BOOKINGS_ICS_ALLOW_OWN_SITE`` for this site's own feeds), expands recurrences with their
exceptions (recurring-ical-events), and replaces the provider's busy intervals; transparent and
cancelled events are not busy, an all-day event blocks the provider's whole local days.
"""

import ipaddress
import logging
import socket
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

import httpx
import icalendar
import recurring_ical_events
from django.conf import settings
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from . import invitations, notices
from .exceptions import CalendarAddressRefused
from .models import Booking, ExternalBusy

log = logging.getLogger(__name__)

PRODID = "-//Souk//Bookings//FR"


def export(bookings, *, name=None):
    """An iCalendar document (bytes) of ``bookings``."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for booking in bookings:
        event = icalendar.Event()
        event.add("uid", f"booking-{booking.pk}@{settings.SITE_DOMAIN}")
        event.add("dtstamp", booking.updated_at or timezone.now())
        event.add("dtstart", booking.start.astimezone(UTC))
        event.add("dtend", booking.end.astimezone(UTC))
        event.add("summary", f"{notices.describe(booking)} — {booking.provider}")
        event.add(
            "status",
            "CANCELLED" if booking.status == Booking.Status.CANCELLED else "CONFIRMED",
        )
        if invitations.has_call(booking):
            link = invitations.call_url(booking.pk)
            event.add("url", link)
            event.add("location", link)
            event.add("description", invitations.call_line(booking.pk, invitations.opens_label(booking)))
        calendar.add_component(event)
    return calendar.to_ical()


def check_address(url):
    """Refuse anything but http(s) to a public address (unless private ones are allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CalendarAddressRefused
    if settings.BOOKINGS_ICS_ALLOW_PRIVATE or (settings.BOOKINGS_ICS_ALLOW_OWN_SITE and own_feed(url)):
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except OSError as error:
        raise CalendarAddressRefused from error
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise CalendarAddressRefused


def own_feed(url):
    """True when ``url`` is one of this site's secret calendar feeds (at ``SITE_URL``)."""
    parts, site = urlsplit(url), urlsplit(settings.SITE_URL)
    if (parts.scheme, parts.netloc) != (site.scheme, site.netloc) or parts.query or parts.fragment:
        return False
    try:
        match = resolve(parts.path)
    except Resolver404:
        return False
    return match.view_name == "bookings:feed"


def fetch(url):
    """The calendar at ``url`` (bytes), or ``CalendarAddressRefused``."""
    check_address(url)
    body = bytearray()
    with (
        httpx.Client(timeout=settings.BOOKINGS_ICS_TIMEOUT, follow_redirects=False) as client,
        client.stream("GET", url) as response,
    ):
        if response.status_code != 200:
            raise CalendarAddressRefused
        for chunk in response.iter_bytes():
            body.extend(chunk)
            if len(body) > settings.BOOKINGS_ICS_MAX_BYTES:
                raise CalendarAddressRefused
    return bytes(body)


def busy_intervals(document, zone, range_start, range_end):
    """Busy ``(start, end)`` UTC intervals of an iCalendar ``document`` within the range."""
    calendar = icalendar.Calendar.from_ical(document)
    result = []
    for event in recurring_ical_events.of(calendar).between(range_start, range_end):
        if str(event.get("transp", "OPAQUE")).upper() == "TRANSPARENT":
            continue
        if str(event.get("status", "")).upper() == "CANCELLED":
            continue
        start = event.decoded("dtstart")
        end = event.decoded("dtend") if "dtend" in event else None
        if end is None:
            end = start + (event.decoded("duration") if "duration" in event else _default_length(start))
        result.append((_instant(start, zone), _instant(end, zone)))
    return [(start, end) for start, end in result if end > start]


def _default_length(start):
    return timedelta(days=1) if not isinstance(start, datetime) else timedelta()


def _instant(value, zone):
    """An event boundary as UTC: a date is the provider's local midnight, a floating time is local."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def refresh(provider, now=None):
    """Replace ``provider``'s imported busy times with what its calendar says now.

    Returns how many intervals were stored; a calendar that cannot be read keeps the previous
    intervals and records the error for the provider to see.
    """
    now = now or timezone.now()
    if not provider.ics_url:
        ExternalBusy.objects.filter(provider=provider).delete()
        return 0
    range_start = now - timedelta(days=1)
    range_end = now + timedelta(days=provider.horizon_days + 1)
    try:
        intervals = busy_intervals(fetch(provider.ics_url), provider.zone, range_start, range_end)
    except (CalendarAddressRefused, httpx.HTTPError, ValueError) as error:
        log.warning("Calendar of provider %s not refreshed: %r", provider.pk, error)
        provider.ics_error = str(getattr(error, "message", error))[:255]
        provider.save(update_fields=["ics_error"])
        return 0
    with transaction.atomic():
        ExternalBusy.objects.filter(provider=provider).delete()
        ExternalBusy.objects.bulk_create(
            ExternalBusy(provider=provider, start=start, end=end) for start, end in intervals
        )
        provider.ics_refreshed_at = now
        provider.ics_error = ""
        provider.save(update_fields=["ics_refreshed_at", "ics_error"])
    return len(intervals)
