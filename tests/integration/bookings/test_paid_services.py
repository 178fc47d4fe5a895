"""Seller services: a slot held on the product page, confirmed once when the card payment lands."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from commerce.bookings import services
from commerce.bookings.exceptions import SlotTaken
from commerce.bookings.models import Booking
from commerce.checkout import services as checkout
from commerce.checkout.exceptions import LineRefused
from commerce.fulfilment.services import fulfil_order
from tests.factories import make_user
from tests.factories.bookings import at, bookable_service
from tests.factories.checkout import GUEST, TUNIS, ensure_tunisia
from tests.factories.stripe import pay

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")


def basket_of(user):
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy()
    return basket


def order_of(user, basket):
    ensure_tunisia()
    customer = checkout.Customer(GUEST.first_name, GUEST.last_name, user.email, GUEST.phone, user)
    return checkout.place_order(basket=basket, customer=customer, payment_method="card", delivery=TUNIS)


def test_a_held_service_slot_is_confirmed_by_the_payment_once(client, stripe_fake, settings):
    product, _calendar = bookable_service()
    shopper = make_user("spa@example.com")
    basket = basket_of(shopper)

    held = services.book_service(shopper, basket, product, at(3, 10))
    assert held.status == Booking.Status.HELD
    assert held.hold_expires_at - timezone.now() <= timedelta(minutes=settings.BOOKINGS_CHECKOUT_HOLD_MINUTES)
    with pytest.raises(SlotTaken):
        services.book_service(make_user("late@example.com"), basket_of(None), product, at(3, 10, 30))

    order = pay(order_of(shopper, basket), client, stripe_fake)
    fulfil_order(order)  # a replayed fulfilment changes nothing

    booking = Booking.objects.get(pk=held.pk)
    line = order.lines.get()
    assert (booking.status, booking.order_line, booking.hold_expires_at) == (
        Booking.Status.CONFIRMED,
        line,
        None,
    )
    assert booking.end - booking.start == timedelta(minutes=60)


def test_an_abandoned_checkout_hold_is_released_by_the_sweep(settings):
    product, _calendar = bookable_service()
    held = services.book_service(make_user("gone@example.com"), basket_of(None), product, at(3, 10))

    assert services.release_expired_holds() == 0
    released = services.release_expired_holds(
        now=timezone.now() + timedelta(minutes=settings.BOOKINGS_CHECKOUT_HOLD_MINUTES, seconds=1)
    )

    assert released == 1 and Booking.objects.get(pk=held.pk).status == Booking.Status.RELEASED
    assert (
        services.book_service(make_user("next@example.com"), basket_of(None), product, at(3, 10)).status
        == "held"
    )


def test_the_checkout_refuses_a_service_without_its_slot(settings):
    product, _calendar = bookable_service()
    shopper = make_user("noslot@example.com")
    unbooked = basket_of(shopper)
    unbooked.add_product(product, 1)
    expired = basket_of(make_user("slow@example.com"))
    services.book_service(expired.owner, expired, product, at(3, 10))
    later = timezone.now() + timedelta(minutes=settings.BOOKINGS_CHECKOUT_HOLD_MINUTES, seconds=1)
    services.release_expired_holds(now=later)
    services.book_service(make_user("quick@example.com"), basket_of(None), product, at(3, 10))

    for basket in (unbooked, expired):
        with pytest.raises(LineRefused, match="choisissez de nouveau un horaire"):
            order_of(basket.owner, basket)


def test_a_paid_service_cancelled_in_the_free_window_is_refunded_late_minus_the_fee(client, stripe_fake):
    product, calendar = bookable_service()
    shopper = make_user("refund@example.com")
    early, late = (
        paid_booking(client, stripe_fake, shopper, product, start) for start in (at(5, 10), at(5, 12))
    )

    calendar.free_cancellation_hours = 24
    calendar.save()
    services.cancel(early, by=shopper, reason="Empêchée")
    calendar.free_cancellation_hours = 24 * 30
    calendar.late_cancellation_percent = 30
    calendar.save()
    services.cancel(late, by=shopper)

    assert Booking.objects.get(pk=early.pk).status == Booking.Status.CANCELLED
    assert Booking.objects.get(pk=late.pk).status == Booking.Status.CANCELLED
    assert [refund.status for refund in early.order_line.order.refunds.all()] == ["succeeded"]
    # late: the price minus the provider's 30 % share, as an amount (no unit taken back)
    price = late.order_line.line_price_incl_tax
    [late_refund] = late.order_line.order.refunds.all()
    assert [(item.quantity, item.amount) for item in late_refund.lines.all()] == [
        (0, price - (price * 30 / 100).quantize(Decimal("0.001")))
    ]
    assert (
        late_refund.status == "succeeded"
        and late_refund.amount_minor == stripe_fake.refunds[late_refund.stripe_refund_id]["amount"]
    )


def paid_booking(client, stripe_fake, shopper, product, start):
    basket = basket_of(shopper)
    held = services.book_service(shopper, basket, product, start)
    pay(order_of(shopper, basket), client, stripe_fake)
    return Booking.objects.get(pk=held.pk)
