"""Reads: a provider's availability as the slots engine wants it, its free slots, people's bookings."""

from collections import Counter
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from . import slots
from .models import ACTIVE, Booking, ExternalBusy, Provider


def availability_of(provider):
    """The provider's settings, weekly rules and date overrides as a ``slots.Availability``."""
    weekly, overrides = {}, {}
    for rule in provider.weekly_rules.all():
        weekly.setdefault(rule.weekday, []).append((rule.start, rule.end))
    for override in provider.date_overrides.all():
        spans = overrides.setdefault(override.date, [])
        if override.start is not None:
            spans.append((override.start, override.end))
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


def busy_of(provider, range_start, range_end, *, exclude=None):
    """``(busy intervals, active bookings per local date)`` around ``[range_start, range_end)``:
    active bookings' blocked intervals and imported events (two queries)."""
    margin = timedelta(days=1)
    bookings = Booking.objects.filter(
        provider=provider,
        status__in=ACTIVE,
        blocked_start__lt=range_end + margin,
        blocked_end__gt=range_start - margin,
    ).exclude(Q(status=Booking.Status.HELD) & Q(hold_expires_at__lte=timezone.now()))
    if exclude is not None:
        bookings = bookings.exclude(pk=exclude.pk)
    rows = list(bookings.values_list("blocked_start", "blocked_end", "start"))
    external = ExternalBusy.objects.filter(
        provider=provider, start__lt=range_end + margin, end__gt=range_start - margin
    ).values_list("start", "end")
    zone = provider.zone
    per_day = Counter(start.astimezone(zone).date() for _bs, _be, start in rows)
    return [(start, end) for start, end, _s in rows] + list(external), per_day


def free_slots(provider, range_start, range_end, duration, *, now=None, exclude=None):
    """The provider's free ``(start, end)`` slots of ``duration`` in ``[range_start, range_end)``."""
    provider = Provider.objects.prefetch_related("weekly_rules", "date_overrides").get(pk=provider.pk)
    busy, per_day = busy_of(provider, range_start, range_end, exclude=exclude)
    return slots.free_slots(
        availability_of(provider),
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


def alternatives(provider, wanted, duration, count=3):
    """Free slots nearest to ``wanted`` (the week around it), for "this slot was just taken"."""
    found = free_slots(provider, wanted - timedelta(days=3), wanted + timedelta(days=4), duration)
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
