"""Seeds bookable calendars: every approved demo expert and the first two shops selling services get
weekly hours; the demo shopper gets a few bookings (confirmed, pending, past); one expert imports a
colleague's secret calendar feed served by the site itself, so the demo shows imported busy times.
Made through the bookings and wallet services, once: calendars that exist are kept as they are."""

from datetime import time, timedelta

from django.utils import timezone

from commerce.bookings import services
from commerce.bookings.exceptions import BookingError
from commerce.bookings.models import Booking, Provider
from commerce.experts.models import ExpertProfile
from commerce.users.models import User
from commerce.wallet import services as wallet

SHOPPER = "shopper@souk.example"
#: Weekdays 09:00-12:00 and 14:00-18:00, Saturday morning: the experts' demo hours.
EXPERT_HOURS = {
    **{day: [(time(9), time(12)), (time(14), time(18))] for day in range(5)},
    5: [(time(9), time(12))],
}
#: Tuesday to Saturday, 09:00-17:00: the shops' demo hours.
SHOP_HOURS = {day: [(time(9), time(17))] for day in range(1, 6)}


def seed_bookings(report):
    experts = list(ExpertProfile.objects.listed().filter(call_price_per_minute__isnull=False).order_by("pk"))
    for expert in experts:
        created = not Provider.objects.filter(expert=expert).exists()
        report.tally("booking calendars", created)
        if created:
            calendar = services.provider_for_expert(expert)
            services.set_weekly_hours(calendar, EXPERT_HOURS)
            services.update_settings(calendar, buffer_after_minutes=10, minimum_notice_minutes=120)
    for partner in _service_shops()[:2]:
        created = not Provider.objects.filter(partner=partner).exists()
        report.tally("booking calendars", created)
        if created:
            services.set_weekly_hours(services.provider_for_partner(partner), SHOP_HOURS)
    shopper = User.objects.filter(email=SHOPPER).first()
    if shopper is not None and experts and not Booking.objects.filter(client=shopper).exists():
        _book_for(shopper, experts, report)
    _import_a_colleagues_calendar(experts, report)


def _import_a_colleagues_calendar(experts, report):
    """The first expert's calendar imports the secret feed of a colleague with confirmed calls
    (read back from this site: ``BOOKINGS_ICS_ALLOW_OWN_SITE`` under ``make run``)."""
    from django.urls import reverse

    from commerce.bookings.models import CalendarFeed
    from commerce.communication.utils import site_url

    if len(experts) < 2 or Provider.objects.filter(expert__in=experts).exclude(ics_url="").exists():
        return
    importer = services.provider_for_expert(experts[0])
    colleague = next(
        (
            expert
            for expert in experts[1:]
            if Booking.objects.filter(provider__expert=expert, status=Booking.Status.CONFIRMED).exists()
        ),
        experts[1],
    )
    feed, _created = CalendarFeed.objects.get_or_create(user=colleague.user)
    services.update_settings(importer, ics_url=site_url() + reverse("bookings:feed", args=[feed.token]))
    report.tally("imported calendars", True)


def _service_shops():
    from oscar.core.loading import get_model

    Partner = get_model("partner", "Partner")
    return list(
        Partner.objects.filter(stockrecords__product__product_class__slug="service").distinct().order_by("pk")
    )


def _book_for(shopper, experts, report):
    """A confirmed call, a request waiting for its expert, and a call completed last week."""
    wallet.credit_coins(shopper, 400, source="goodwill", key="demo-bookings-coins", memo="Demo")
    by_mode = {expert.booking_mode: expert for expert in experts}
    for offset, expert in enumerate(by_mode.values(), start=2):
        calendar = services.provider_for_expert(expert)
        slots = _free(calendar, days_ahead=offset, minutes=expert.call_minimum_minutes)
        if not slots:
            continue
        try:
            services.book_call(shopper, expert, slots[0], expert.call_minimum_minutes)
            report.tally("bookings", True)
        except BookingError:
            continue
    calendar = services.provider_for_expert(experts[0])
    start = (timezone.now() - timedelta(days=7)).replace(minute=0, second=0, microsecond=0)
    end = start + timedelta(minutes=30)
    Booking.objects.create(
        provider=calendar,
        client=shopper,
        kind=Booking.Kind.CALL,
        start=start,
        end=end,
        blocked_start=start,
        blocked_end=end,
        status=Booking.Status.COMPLETED,
    )
    report.tally("bookings", True)


def _free(calendar, *, days_ahead, minutes):
    from commerce.bookings import selectors

    start = timezone.now() + timedelta(days=days_ahead)
    found = selectors.free_slots(calendar, start, start + timedelta(days=7), timedelta(minutes=minutes))
    return [slot_start for slot_start, _end in found]
