"""Two shops, a seller each, and a cash-on-delivery order holding lines of both."""

from dataclasses import dataclass

import pytest

from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop, order_of


@dataclass
class TwoShopOrder:
    order: object
    seller_a: object
    seller_b: object
    line_a: object  # Dar Nabeul's tajine × 1
    line_b: object  # Jebba's scarf × 2
    line_c: object  # Jebba's chechia × 1


@pytest.fixture
def two_shop_order(db):
    shop_a, shop_b = make_shop("Dar Nabeul"), make_shop("Jebba & Co")
    seller_a = make_seller(shop_a, "leila@dar-nabeul.example")
    seller_b = make_seller(shop_b, "mehdi@jebba.example")
    tajine, _ = product_for_sale("Tajine émaillé", shop=shop_a, price="45.000", sku="DN-TAJ")
    scarf, _ = product_for_sale("Foulard en soie", shop=shop_b, price="30.000", sku="JB-FOU")
    chechia, _ = product_for_sale("Chéchia", shop=shop_b, price="25.000", sku="JB-CHE")
    order = order_of((tajine, 1), (scarf, 2), (chechia, 1), email="amira@example.com")
    line_a, line_b, line_c = order.lines.order_by("pk")
    return TwoShopOrder(order, seller_a, seller_b, line_a, line_b, line_c)
