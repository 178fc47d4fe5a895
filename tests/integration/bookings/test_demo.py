"""The demo marketplace has bookable experts and shops, the demo shopper some bookings, and one
expert imports a colleague's calendar feed served by the site itself."""

from datetime import timedelta
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone

from commerce.bookings import ics
from commerce.bookings.exceptions import CalendarAddressRefused
from commerce.bookings.models import Booking, Provider
from commerce.experts.models import ExpertProfile
from commerce.wallet.selectors import reconcile

pytestmark = pytest.mark.django_db


def test_demo_experts_and_two_shops_are_bookable_and_the_shopper_has_bookings(seeded_demo):
    experts = ExpertProfile.objects.listed().filter(call_price_per_minute__isnull=False)

    assert experts.exists()
    for expert in experts:
        assert expert.booking_provider.weekly_rules.exists(), expert
    shops = Provider.objects.filter(partner__isnull=False)
    assert shops.count() == 2 and all(shop.weekly_rules.exists() for shop in shops)
    statuses = set(
        Booking.objects.filter(client__email="shopper@souk.example").values_list("status", flat=True)
    )
    assert {"confirmed", "pending", "completed"} <= statuses
    assert reconcile().ok


def test_seeding_again_adds_no_booking(seeded_demo):
    before = (Provider.objects.count(), Booking.objects.count())

    call_command("seed_demo", "--no-images", stdout=StringIO())

    assert (Provider.objects.count(), Booking.objects.count()) == before


def test_a_demo_expert_imports_a_colleagues_feed_served_by_the_site(seeded_demo, client, settings):
    importer = Provider.objects.exclude(ics_url="").get()
    settings.BOOKINGS_ICS_ALLOW_PRIVATE = False
    settings.BOOKINGS_ICS_ALLOW_OWN_SITE = True
    settings.SITE_URL = "http://127.0.0.1:8000"
    own = "http://127.0.0.1:8000" + urlsplit(importer.ics_url).path
    served = client.get(urlsplit(importer.ics_url).path)
    now = timezone.now()

    ics.check_address(own)  # the site's own feed on loopback is allowed
    for other in ("http://127.0.0.1:8000/fr/", "http://127.0.0.1:9999" + urlsplit(own).path):
        with pytest.raises(CalendarAddressRefused):
            ics.check_address(other)
    assert served.status_code == 200
    assert ics.busy_intervals(served.content, importer.zone, now, now + timedelta(days=60))
