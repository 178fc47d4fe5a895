"""The demo shopper holds coins and has answered (rated) and waiting messages with demo experts."""

from io import StringIO

import pytest
from django.core.management import call_command

from commerce.consultations.models import PaidMessage, Rating, RatingSummary
from commerce.wallet.selectors import reconcile, wallet_summary

pytestmark = pytest.mark.django_db


def test_the_demo_shopper_has_coins_and_consultations(seeded_demo):
    messages = PaidMessage.objects.filter(client__email="shopper@souk.example")
    assert messages.filter(status="answered").count() == 3
    assert messages.filter(status="awaiting_reply").count() == 2
    assert Rating.objects.filter(status="approved").count() == 3
    assert RatingSummary.objects.filter(count__gt=0).count() == 3
    # each waiting message holds its price, each answered one was captured (the shopper's wallet
    # also pays for the demo's booked calls, so its totals are not the messages' alone)
    awaiting = messages.filter(status="awaiting_reply").select_related("hold")
    assert all((m.hold.status, m.hold.coins) == ("pending", m.price_coins) for m in awaiting)
    answered = messages.filter(status="answered").select_related("hold")
    assert all((m.hold.status, m.hold.captured_coins) == ("captured", m.price_coins) for m in answered)
    assert reconcile().ok


def test_seeding_again_adds_nothing(seeded_demo):
    before = (PaidMessage.objects.count(), wallet_summary(PaidMessage.objects.first().client))

    call_command("seed_demo", stdout=StringIO())

    assert (PaidMessage.objects.count(), wallet_summary(PaidMessage.objects.first().client)) == before
