"""When an expert can next be called: the first free slot the bookings' slots engine offers, and
the windows of the directory's "available in the next N days" facet.

A window ends at midnight (platform time) after its last day, so "today" means until tonight and
a window's experts do not change with the minute a page is asked.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from commerce.bookings import selectors as booking_selectors
from commerce.bookings.slots import local_day_range

#: ``(value, days)``: the facet's choices, each the experts free within that many days from today.
WINDOWS = (("today", 1), ("3", 3), ("7", 7))


def zone():
    return ZoneInfo(settings.BOOKINGS_DEFAULT_TIME_ZONE)


def window_end(days, now=None):
    """Midnight (platform time) ``days`` days after the start of today, as an aware datetime."""
    today = (now or timezone.now()).astimezone(zone()).date()
    return local_day_range(today, days, zone())[1]


def horizon(now=None):
    """End of the widest window: no slot past it is worth looking for."""
    return window_end(max(days for _value, days in WINDOWS), now)


def next_free_slot(expert, provider, now=None) -> datetime | None:
    """Start of the expert's first free call slot (their minimum call length) before the widest
    window ends; none when they take no calls or have no free slot by then."""
    if provider is None or expert.call_price_per_minute is None:
        return None
    now = now or timezone.now()
    duration = timedelta(minutes=expert.call_minimum_minutes)
    found = booking_selectors.free_slots(provider, now, horizon(now), duration, now=now)
    return found[0][0] if found else None
