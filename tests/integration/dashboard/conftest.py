"""Dashboard tests: two shops, a seller each, and orders: one for each shop alone and one shared by both."""

from dataclasses import dataclass

import pytest

from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop, order_of


@dataclass
class Marketplace:
    shop_a: object
    shop_b: object
    seller_a: object
    seller_b: object
    product_a: object
    record_a: object
    product_b: object
    record_b: object
    shared: object  # an order with one line of each shop
    only_a: object
    only_b: object

    def line_of(self, order, shop):
        return order.lines.get(partner=shop)


@pytest.fixture
def market(db):
    shop_a = make_shop("Dar Nabeul", commission_rate="0.1500")
    shop_b = make_shop("Jebba Secrète", commission_rate="0.2500")
    seller_a = make_seller(shop_a, "leila@dar-nabeul.example")
    seller_b = make_seller(shop_b, "mehdi@jebba.example")
    product_a, record_a = product_for_sale(
        "Tajine émaillé", shop=shop_a, price="45.000", stock=20, sku="DN-TAJ"
    )
    product_b, record_b = product_for_sale(
        "Burnous Confidentiel", shop=shop_b, price="310.000", stock=20, sku="JS-BURNOUS"
    )
    shared = order_of((product_a, 1), (product_b, 2), email="amira@example.com")
    only_a = order_of((product_a, 3), email="sami@example.com")
    only_b = order_of((product_b, 1), email="secret-buyer@example.com")
    return Marketplace(
        shop_a, shop_b, seller_a, seller_b, product_a, record_a, product_b, record_b, shared, only_a, only_b
    )
