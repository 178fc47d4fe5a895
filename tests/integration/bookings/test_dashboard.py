"""The bookings dashboard: every booking and the bookings per day for platform admins, their own
shops' bookings for sellers, nothing for anyone else."""

import pytest
from oscar.core.loading import get_class, get_model

from commerce.bookings import services
from tests.factories import make_user
from tests.factories.bookings import at, bookable_service
from tests.factories.sellers import make_seller

pytestmark = pytest.mark.usefixtures("english")
PATH = "/dashboard/bookings/"
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")


def test_admins_see_every_booking_sellers_their_shops_and_shoppers_nothing(
    client, user_in_role, client_user, instant
):
    expert, _calendar = instant
    call = services.book_call(client_user, expert, at(3, 10), 30)
    product, calendar = bookable_service()
    basket = Basket.objects.create(owner=client_user)
    basket.strategy = Selector().strategy()
    held = services.book_service(client_user, basket, product, at(4, 10))
    seller = make_seller(calendar.partner, "spa-seller@example.com")

    client.force_login(user_in_role("Platform admins", is_staff=True))
    everything = client.get(PATH).content.decode()
    filtered = client.get(PATH, {"kind": "call"}).content.decode()
    client.force_login(seller)
    own = client.get(PATH).content.decode()
    client.force_login(make_user("nobody@example.com"))
    refused = client.get(PATH)

    assert f'data-booking="{call.pk}"' in everything and f'data-booking="{held.pk}"' in everything
    assert "data-per-day" in everything
    assert f'data-booking="{call.pk}"' in filtered and f'data-booking="{held.pk}"' not in filtered
    assert f'data-booking="{held.pk}"' in own and f'data-booking="{call.pk}"' not in own
    assert refused.status_code == 403
