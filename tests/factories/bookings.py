"""Bookable experts and shops, and the dates tests book on."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from commerce.bookings import services
from tests.factories.experts import make_expert

TUNIS = ZoneInfo("Africa/Tunis")


def every_day(start=time(9), end=time(17)):
    return {day: [(start, end)] for day in range(7)}


def bookable_expert(
    email="expert@example.com", *, mode="instant", hours=None, price=2, minimum=10, **provider
):
    """An approved expert offering calls (``price`` coins a minute), open ``hours`` (every day
    09:00-17:00 by default), with its provider's settings overridden by ``provider``."""
    expert = make_expert(email, call_price_per_minute=price, booking_mode=mode)
    expert.call_minimum_minutes = minimum
    expert.save(update_fields=["call_minimum_minutes"])
    calendar = services.provider_for_expert(expert)
    services.set_weekly_hours(calendar, hours or every_day())
    defaults = {"minimum_notice_minutes": 0, "horizon_days": 400, "slot_interval_minutes": 30}
    for name, value in {**defaults, **provider}.items():
        setattr(calendar, name, value)
    calendar.save()
    return expert, calendar


def at(days_ahead, hour, minute=0, zone=TUNIS):
    """``days_ahead`` days from today at the wall-clock ``hour:minute`` in ``zone`` (aware)."""
    day = timezone.now().astimezone(zone).date() + timedelta(days=days_ahead)
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def next_dst_change(zone, after_days=3):
    """The first local date, at least ``after_days`` ahead, whose UTC offset differs from the day before."""
    day = timezone.now().astimezone(zone).date() + timedelta(days=after_days)
    while True:
        noon = datetime.combine(day, time(12), tzinfo=zone)
        if noon.utcoffset() != (noon - timedelta(days=1)).astimezone(zone).utcoffset():
            return day
        day += timedelta(days=1)


def utc(value):
    return value.astimezone(UTC)


def service_class():
    """The "service" product class (card only, nothing shipped) with its "duration_minutes" attribute."""
    from oscar.core.loading import get_model

    product_class, _ = get_model("catalogue", "ProductClass").objects.get_or_create(
        slug="service", defaults={"name": "Service", "track_stock": False, "requires_shipping": False}
    )
    get_model("catalogue", "ProductAttribute").objects.get_or_create(
        product_class=product_class,
        code="duration_minutes",
        defaults={"name": "Duration", "type": "integer", "required": True},
    )
    return product_class


def bookable_service(title="Massage 60 min", minutes=60, price="80.000", *, shop="Spa Carthage", hours=None):
    """A seller's service of ``minutes`` for sale, its shop open ``hours``; returns (product, provider)."""
    from tests.factories.catalogue import product_for_sale

    product, record = product_for_sale(
        title=title, price=price, shop=shop, stock=None, product_class=service_class()
    )
    product.attr.duration_minutes = minutes
    product.attr.save()
    calendar = services.provider_for_partner(record.partner)
    services.set_weekly_hours(calendar, hours or every_day())
    calendar.minimum_notice_minutes = 0
    calendar.horizon_days = 400
    calendar.save()
    return product, calendar
