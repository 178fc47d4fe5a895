"""Shops, their sellers, stocked products and multi-shop orders, on top of the checkout factories."""

from dataclasses import replace
from decimal import Decimal
from itertools import count

from oscar.core.loading import get_model
from oscar.test.factories import create_product

from commerce.checkout import services as checkout
from commerce.users.roles import SELLERS
from tests.factories import make_user
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia, physical_class

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


def stocked(
    shop, title, *, price="10.000", stock=10, sku=None, threshold=None, public=True, product_class=None
):
    """A product of ``shop`` with one stock record; returns ``(product, stockrecord)``."""
    product = create_product(title=title, product_class=product_class or physical_class(), is_public=public)
    record = product.stockrecords.create(
        partner=shop,
        partner_sku=sku or f"{shop.slug[:6].upper()}-{next(_numbers):04d}",
        price=Decimal(price),
        num_in_stock=stock,
        low_stock_threshold=threshold,
    )
    return product, record


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
