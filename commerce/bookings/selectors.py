"""Reads: a provider's availability as the slots engine wants it, its free slots, people's bookings."""

from collections import Counter
from datetime import UTC, datetime, timedelta
from functools import partial

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from . import slots
from .models import ACTIVE, Booking, DateOverride, ExternalBusy, Provider, WeeklyRule


def availability_of(provider, rows=None):
    """The provider's settings, weekly rules and date overrides as a ``slots.Availability``.

    ``rows``: ``(weekday, date, start, end)`` of its rules and overrides (``hours_of``), read now
    when not given.
    """
    weekly, overrides = {}, {}
    for weekday, day, start, end in hours_of(provider) if rows is None else rows:
        if day is None:
            weekly.setdefault(weekday, []).append((start, end))
        else:
            spans = overrides.setdefault(day, [])
            if start is not None:
                spans.append((start, end))
    return slots.Availability(
        time_zone=provider.time_zone,
        weekly=weekly,
        overrides=overrides,
        buffer_before=timedelta(minutes=provider.buffer_before_minutes),
        buffer_after=timedelta(minutes=provider.buffer_after_minutes),
        notice=timedelta(minutes=provider.minimum_notice_minutes),
        horizon=timedelta(days=provider.horizon_days),
        interval=timedelta(minutes=provider.slot_interval_minutes),
        max_per_day=provider.max_per_day,
    )


def hours_of(provider):
    """``(weekday, date, start, end)`` rows: weekly rules (date NULL) then date overrides, one query."""
    rules, overrides = WeeklyRule._meta.db_table, DateOverride._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT weekday, NULL::date, start, "end" FROM {rules} WHERE provider_id = %s
                UNION ALL
                SELECT NULL, date, start, "end" FROM {overrides} WHERE provider_id = %s""",  # noqa: S608 - table names
            [provider.pk, provider.pk],
        )
        return cursor.fetchall()


def busy_of(provider, range_start, range_end, *, exclude=None):
    """``(busy intervals, active bookings per local date)`` around ``[range_start, range_end)``:
    active bookings' blocked intervals and imported events.

    One query, boundaries read as epoch seconds: turning them into datetimes in Python is many
    times cheaper than the driver's time-zone-aware loading, and the slots page reads hundreds.
    A checkout hold past its expiry no longer counts (beat releases it soon after).
    """
    margin = timedelta(days=1)
    bookings, external = Booking._meta.db_table, ExternalBusy._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT extract(epoch FROM blocked_start)::float8, extract(epoch FROM blocked_end)::float8,
                       extract(epoch FROM start)::float8
                FROM {bookings}
                WHERE provider_id = %(provider)s AND status = ANY(%(active)s)
                  AND blocked_start < %(until)s AND blocked_end > %(since)s AND id <> %(exclude)s
                  AND NOT (status = 'held' AND hold_expires_at <= %(now)s)
                UNION ALL
                SELECT extract(epoch FROM start)::float8, extract(epoch FROM "end")::float8, NULL
                FROM {external}
                WHERE provider_id = %(provider)s AND start < %(until)s AND "end" > %(since)s""",  # noqa: S608
            {
                "provider": provider.pk,
                "active": list(ACTIVE),
                "since": range_start - margin,
                "until": range_end + margin,
                "exclude": exclude.pk if exclude is not None else 0,
                "now": timezone.now(),
            },
        )
        rows = cursor.fetchall()
    at = partial(datetime.fromtimestamp, tz=UTC)
    zone = provider.zone
    per_day = Counter(at(start).astimezone(zone).date() for _bs, _be, start in rows if start is not None)
    return [(at(start), at(end)) for start, end, _s in rows], per_day


def free_slots(provider, range_start, range_end, duration, *, now=None, exclude=None, availability=None):
    """The provider's free ``(start, end)`` slots of ``duration`` in ``[range_start, range_end)``
    (two queries: the hours, the busy times). ``availability``: other hours and settings to try
    against the provider's real busy times (the editor's preview of unsaved changes)."""
    busy, per_day = busy_of(provider, range_start, range_end, exclude=exclude)
    return slots.free_slots(
        availability or availability_of(provider),
        range_start=range_start,
        range_end=range_end,
        duration=duration,
        busy=busy,
        now=now or timezone.now(),
        booked_days=per_day,
    )


def is_free(provider, start, duration, *, now=None, exclude=None):
    """True when a slot of ``duration`` starting exactly at ``start`` is offered and free."""
    return (start, start + duration) in free_slots(
        provider, start, start + timedelta(minutes=1), duration, now=now, exclude=exclude
    )


def alternatives(provider, wanted, duration, count=3, *, exclude=None):
    """Free slots nearest to ``wanted`` (the week around it), for "this slot was just taken"."""
    found = free_slots(
        provider, wanted - timedelta(days=3), wanted + timedelta(days=4), duration, exclude=exclude
    )
    return slots.nearest(found, wanted, count)


def provider_of_expert(expert):
    return Provider.objects.filter(expert=expert).first()


def provider_of_product(product):
    """The provider of a service product: its seller's shop (the stock record's partner)."""
    record = product.stockrecords.select_related("partner").first()
    if record is None:
        return None
    return Provider.objects.filter(partner=record.partner).first()


def bookings_of_client(user):
    return (
        Booking.objects.filter(client=user)
        .exclude(status=Booking.Status.RELEASED)
        .select_related("provider__expert", "provider__partner", "product")
    )


def bookings_of_provider(provider):
    return (
        Booking.objects.filter(provider=provider)
        .exclude(status=Booking.Status.RELEASED)
        .select_related("client", "product")
    )


def providers_managed_by(user):
    """Providers whose calendar ``user`` runs: their expert profile's, their shops'."""
    return Provider.objects.filter(Q(expert__user=user) | Q(partner__users=user)).distinct()
