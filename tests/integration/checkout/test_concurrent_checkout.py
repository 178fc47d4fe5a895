"""The last units cannot be sold twice: concurrent checkouts race on real PostgreSQL row locks."""

import threading

import pytest
from django.db import connection
from oscar.core.loading import get_model

from commerce.checkout import services
from commerce.checkout.exceptions import OutOfStock
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

SHOPPERS = 20
UNITS_LEFT = 3


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_checkouts_of_the_last_three_units_sell_exactly_three():
    # given: 3 units left and 20 shoppers, each with the product in an own basket
    ensure_tunisia()
    product, record = product_for_sale("Dernier tajine", "45.000", stock=UNITS_LEFT)
    baskets = [basket_with((product, 1)) for _ in range(SHOPPERS)]
    barrier = threading.Barrier(SHOPPERS)
    outcomes = []

    def checkout(basket):
        try:
            barrier.wait()
            services.place_order(basket=basket, customer=GUEST, payment_method=Order.CARD, delivery=TUNIS)
            outcomes.append("ordered")
        except OutOfStock:
            outcomes.append("out of stock")
        finally:
            connection.close()

    threads = [threading.Thread(target=checkout, args=(basket,)) for basket in baskets]
    # when
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # then
    assert sorted(outcomes).count("ordered") == UNITS_LEFT
    assert outcomes.count("out of stock") == SHOPPERS - UNITS_LEFT
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (UNITS_LEFT, UNITS_LEFT)
    assert Order.objects.count() == UNITS_LEFT
