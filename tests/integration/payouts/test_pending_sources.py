"""The coins held for an expert's unanswered paid messages and booked calls are that expert's
pending earnings, and no other expert's (each app registers how to find its holds)."""

import pytest

from commerce.bookings import services as bookings
from commerce.consultations import services as consultations
from commerce.payouts import selectors
from tests.factories.bookings import at, bookable_expert

pytestmark = pytest.mark.django_db


def test_a_paid_message_and_a_booked_call_are_pending_for_their_expert_only(client_user):
    # given: one expert with a text price and calls at 2 coins a minute, and another expert
    profile, _calendar = bookable_expert("nour@example.com", price=2, minimum=10)
    profile.text_price = 15
    profile.save(update_fields=["text_price"])
    other, _ = bookable_expert("other@example.com")

    # when: the client writes to the first expert and books a 10-minute call with them
    consultations.send(client_user, profile, "text", "Comment préparer mon budget ?")
    bookings.book_call(client_user, profile, at(2, 10), 10)

    # then: 15 + 20 coins wait for the first expert, none for the other
    assert selectors.summary(profile.user).pending_coins == 35
    assert selectors.summary(other.user).pending_coins == 0
