"""Baskets and checkout inputs for tests."""

from decimal import Decimal

from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_product, create_stockrecord

from commerce.checkout.services import Customer, Delivery
from tests.factories.catalogue import physical_class

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
Selector = get_class("partner.strategy", "Selector")


def ensure_tunisia():
    Country.objects.get_or_create(
        iso_3166_1_a2="TN",
        defaults={
            "iso_3166_1_a3": "TUN",
            "printable_name": "Tunisie",
            "name": "Tunisie",
            "is_shipping_country": True,
        },
    )


def sellable_variant(parent_title, title, price, *, stock=10, seller="Dar Fakhar"):
    """A public parent product and one variant of it sold by ``seller``: ``(parent, variant)``."""
    parent = create_product(title=parent_title, product_class=physical_class(), structure="parent")
    variant = create_product(title=title, product_class=physical_class(), structure="child", parent=parent)
    create_stockrecord(variant, price=Decimal(price), num_in_stock=stock, partner_name=seller)
    return parent, variant


def basket_with(*items, owner=None):
    """An open basket holding ``(product, quantity)`` items, priced by the site's strategy."""
    basket = Basket.objects.create(owner=owner)
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(product, quantity)
    return basket


GUEST = Customer(first_name="Amira", last_name="Ben Salah", email="amira@example.com", phone="+21620123456")
TUNIS = Delivery(line1="12 rue de Marseille", city="Tunis", postcode="1001")


def guest_form(payment_method="cod"):
    """The quick checkout form as ``GUEST`` fills it in for delivery to ``TUNIS``."""
    return {
        "first_name": GUEST.first_name,
        "last_name": GUEST.last_name,
        "email": GUEST.email,
        "phone": GUEST.phone,
        "line1": TUNIS.line1,
        "city": TUNIS.city,
        "postcode": TUNIS.postcode,
        "payment_method": payment_method,
    }
