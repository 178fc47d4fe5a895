"""Paying at the appointment: a shop that allows it is offered on the service page; the booking
needs no checkout, follows the shop's confirmation mode, shows the price due to both sides, and the
seller marks it paid or no-show from the calendar."""

from datetime import timedelta
from decimal import Decimal

import pytest

from commerce.bookings import services
from commerce.bookings.exceptions import NotBookable, WrongStatus
from commerce.bookings.models import Booking
from tests.factories.bookings import at, bookable_service
from tests.factories.sellers import make_seller

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    product, provider = bookable_service()
    provider.pay_at_appointment = True
    provider.save()
    return product, provider, make_seller(provider.partner, "spa-owner@example.com")


def test_a_client_books_without_checkout_and_the_seller_marks_it_paid(client, client_user, shop):
    product, provider, seller = shop
    client.force_login(client_user)

    page = client.get(product.get_absolute_url()).content.decode()
    booked = client.post(
        f"/fr/bookings/services/{product.pk}/", {"start": at(3, 10).isoformat(), "pay": "appointment"}
    )
    mine = client.get("/en/accounts/bookings/").content.decode()
    client.force_login(seller)
    calendar = client.get("/en/expert/bookings/", {"provider": provider.pk, "week": at(3, 0).date()})
    paid = client.post(f"/en/bookings/{Booking.objects.get().pk}/", {"action": "paid"})

    assert f"/bookings/services/{product.pk}/?pay=appointment" in page
    assert booked.status_code == 302 and booked["Location"] == "/fr/accounts/bookings/"
    booking = Booking.objects.get()
    assert (booking.pay_at_appointment, booking.price_due, booking.order_line) == (
        True,
        Decimal("80.000"),
        None,
    )
    assert booking.basket_line is None and booking.reminders.count() == 2
    assert "To pay at the appointment: 80" in mine
    assert (
        "To pay at the appointment: 80" in calendar.content.decode()
        and 'value="paid"' in calendar.content.decode()
    )
    assert paid.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "completed" and booking.paid_at is not None


def test_a_shop_confirming_requests_gets_a_request_and_no_show_waits_for_the_start(client_user, shop):
    product, provider, seller = shop
    provider.confirms_requests = True
    provider.save()

    booking = services.book_service_at_appointment(client_user, product, at(3, 10))
    services.confirm(booking, by=seller)
    with pytest.raises(WrongStatus):
        services.mark_no_show(booking, by=seller)
    no_show = services.mark_no_show(booking, by=seller, now=at(3, 10) + timedelta(minutes=20))

    assert booking.status == "pending"
    assert no_show.status == "no_show" and no_show.paid_at is None


def test_a_shop_that_does_not_allow_it_is_paid_at_checkout(client, client_user):
    product, _provider = bookable_service()
    client.force_login(client_user)

    with pytest.raises(NotBookable):
        services.book_service_at_appointment(client_user, product, at(3, 10))
    page = client.get(product.get_absolute_url()).content.decode()
    posted = client.post(
        f"/fr/bookings/services/{product.pk}/", {"start": at(3, 10).isoformat(), "pay": "appointment"}
    )

    assert "?pay=appointment" not in page
    assert posted["Location"].endswith("/basket/") and Booking.objects.get().status == "held"
