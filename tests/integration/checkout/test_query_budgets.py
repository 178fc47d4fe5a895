"""Query budgets of the quick checkout: the form, placing the order and the thank-you page.

Counted as the benchmark counts them (benchmarks/commerce/queries.py): transaction control
(SAVEPOINT …) left out, and so are the analytics counters, written after commit. What a live
site keeps warm is warmed first: the upsell ranking and the thumbnails.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia, guest_form

CHECKOUT = "/fr/checkout/"
#: "Buy now" by a new visitor: the product with its class (1), its stock records (1), its options
#: (1), the addition counted (2: the product's counter row is created here), the new basket (1) and
#: its line (Oscar's get-or-create: 2). A basket created for this line has no lines to read first.
BUY_NOW_BUDGET = 8
CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")
#: The basket (1), its lines with their products and stock records (1), the offers (2); the
#: lines' options only for a line added with some (none here); one more when the cached upsell
#: suggests products (none here).
CHECKOUT_PAGE_BUDGET = 4
#: The page's reads, the basket row lock, the order, its line and the stock held (locked, written,
#: with its history row; a sale reads no alert), the basket submitted and the new session. The
#: basket's vouchers are read once and the order number is not looked up again (2 fewer).
PLACE_ORDER_BUDGET = 18
#: The order with its shipping address, its lines with their products, their options (the
#: variants' attribute values only for a line that holds a variant); the surcharges (the
#: subtotal). The order is not written (Oscar's ``analytics_tracked``), and the submitted basket
#: is not looked up for the header (its cookie was dropped with the order).
THANK_YOU_BUDGET = 4


def queries(action):
    with CaptureQueriesContext(connection) as captured:
        response = action()
    sql = [query["sql"] for query in captured.captured_queries]
    return len([text for text in sql if not text.upper().startswith(CONTROL)]), response


@pytest.mark.django_db
def test_buy_now_fits_its_query_budget(client):
    product = product_for_sale("Tajine émaillé", "45.000")[0]
    added, response = queries(
        lambda: client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 1, "next": CHECKOUT})
    )
    assert response.status_code == 302
    assert added <= BUY_NOW_BUDGET


def checkout_queries(client, products):
    """Queries of the checkout form, of placing the order and of the thank-you page."""
    for product in products:
        client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 1, "next": CHECKOUT})
    client.get(CHECKOUT)  # the upsell ranking is cached from now on
    page, response = queries(lambda: client.get(CHECKOUT))
    assert response.status_code == 200
    placed, response = queries(lambda: client.post(CHECKOUT, guest_form()))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    thanks, response = queries(lambda: client.get(response["Location"]))
    assert response.status_code == 200
    return page, placed, thanks


@pytest.mark.django_db
def test_the_checkout_fits_its_query_budgets(client):
    ensure_tunisia()
    checkout_queries(client, [product_for_sale("Vase", "20.000")[0]])  # a first order: thumbnails made once
    client.cookies.clear()
    page, placed, thanks = checkout_queries(client, [product_for_sale("Tajine émaillé", "45.000")[0]])
    assert page <= CHECKOUT_PAGE_BUDGET
    assert placed <= PLACE_ORDER_BUDGET
    assert thanks <= THANK_YOU_BUDGET


@pytest.mark.django_db
def test_the_checkout_page_and_the_thank_you_page_do_not_grow_with_the_basket(client):
    ensure_tunisia()
    one = checkout_queries(client, [product_for_sale("Vase", "20.000")[0]])
    client.cookies.clear()
    sellers = ("Dar Nabeul", "Jebba & Co", "Dar Fakhar")
    three = checkout_queries(
        client, [product_for_sale(f"Article {n}", "10.000", shop=s)[0] for n, s in enumerate(sellers)]
    )
    assert (three[0], three[2]) == (one[0], one[2])
