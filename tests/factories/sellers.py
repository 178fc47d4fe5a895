"""Shops, their sellers and multi-shop orders, on top of the checkout factories."""

from dataclasses import replace
from itertools import count

from oscar.core.loading import get_model

from commerce.checkout import services as checkout
from commerce.users.roles import SELLERS
from tests.factories import make_user
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia

Partner = get_model("partner", "Partner")
Order = get_model("order", "Order")

_numbers = count(1)


def make_shop(name, **profile):
    """A seller's shop (Oscar partner) with its profile fields."""
    return Partner.objects.create(name=name, **profile)


def make_seller(shop, email=None):
    """A non-staff user in the Sellers group, linked to ``shop``."""
    user = make_user(email=email or f"seller{next(_numbers)}@example.com", role=SELLERS)
    shop.users.add(user)
    return user


def order_of(*items, email=None, payment_method=None):
    """A cash-on-delivery order of ``(product, quantity)`` items, stock held, as a guest ``email``."""
    ensure_tunisia()
    customer = replace(GUEST, email=email) if email else GUEST
    return checkout.place_order(
        basket=basket_with(*items),
        customer=customer,
        payment_method=payment_method or Order.CASH_ON_DELIVERY,
        delivery=TUNIS,
    )
