"""The demo marketplace has bookable experts and shops, and the demo shopper some bookings."""

from io import StringIO

import pytest
from django.core.management import call_command

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
