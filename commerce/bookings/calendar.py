"""The week calendar pages show: free slots grouped by the visitor's local day, in their time zone."""

import zoneinfo
from datetime import date, datetime, timedelta
from urllib.parse import unquote

from django.conf import settings

from . import selectors
from .slots import local_day_range

#: Cookie where the page's script stores the browser's time zone (Intl API).
TIME_ZONE_COOKIE = "tz"


def visitor_zone(request):
    """The visitor's time zone: ``?tz=``, else the browser's (cookie), else the platform's default."""
    for name in (request.GET.get("tz"), unquote(request.COOKIES.get(TIME_ZONE_COOKIE, ""))):
        if name:
            try:
                return zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
    return zoneinfo.ZoneInfo(settings.BOOKINGS_DEFAULT_TIME_ZONE)


def first_day(request, zone):
    """The week's first day from ``?week=YYYY-MM-DD`` (never before today), else today."""
    today = datetime.now(zone).date()
    try:
        asked = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        return today
    return max(asked, today)


def month_of(request, zone):
    """The first day of the month asked by ``?month=YYYY-MM``, else of the current month."""
    try:
        asked = date.fromisoformat(f"{request.GET.get('month', '')}-01")
    except ValueError:
        asked = datetime.now(zone).date()
    return asked.replace(day=1)


def month_weeks(first):
    """The weeks (Monday first, 7 dates each) that show the month starting on ``first``."""
    last = shift_month(first, 1) - timedelta(days=1)
    day = first - timedelta(days=first.weekday())
    weeks = []
    while day <= last:
        weeks.append([day + timedelta(days=i) for i in range(7)])
        day += timedelta(days=7)
    return weeks


def shift_month(first, months):
    """The first day of the month ``months`` after (or before) ``first``."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def week(provider, duration, zone, first, days=7, *, exclude=None, availability=None):
    """``[(day, [(start, end), …]), …]`` for ``days`` local days from ``first``, times in ``zone``
    (``exclude``: a booking being moved, whose own time counts as free; ``availability``: unsaved
    hours and settings to preview)."""
    start, end = local_day_range(first, days, zone)
    found = (
        selectors.free_slots(provider, start, end, duration, exclude=exclude, availability=availability)
        if provider
        else []
    )
    by_day = {first + timedelta(days=i): [] for i in range(days)}
    for slot_start, slot_end in found:
        local = slot_start.astimezone(zone)
        by_day.setdefault(local.date(), []).append((local, slot_end.astimezone(zone)))
    return sorted(by_day.items())
