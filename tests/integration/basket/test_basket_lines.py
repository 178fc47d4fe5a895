"""Basket lines: priced from the seller they were added from, and the basket page read in a fixed
number of queries whatever the number of lines (pictures included)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_stockrecord

from commerce.checkout import services
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia

Basket = get_model("basket", "Basket")
Option = get_model("catalogue", "Option")
Selector = get_class("partner.strategy", "Selector")

CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


@pytest.mark.django_db
def test_a_line_is_priced_from_its_own_sellers_stock_record_not_the_first_one():
    # given: a tajine sold by two sellers, the second one cheaper, and a line taken from the second
    tajine, first = product_for_sale("Tajine", "45.000", shop="Dar Fakhar")
    second = create_stockrecord(tajine, price=Decimal("39.500"), num_in_stock=2, partner_name="Jebba & Co")
    basket = basket_with()
    line = basket.lines.create(
        product=tajine,
        stockrecord=second,
        quantity=3,
        line_reference=f"{tajine.pk}_{second.pk}",
        price_currency="TND",
    )
    # when
    line = basket.all_lines()[0]
    # then: its price and stock come from the second seller's record
    assert line.purchase_info.stockrecord == second != first
    assert line.unit_price_incl_tax == Decimal("39.500")
    assert line.line_price_incl_tax == Decimal("118.500")
    allowed, _reason = line.purchase_info.availability.is_purchase_permitted(3)
    assert not allowed  # the second seller has 2 left, the first one 10


@pytest.mark.django_db
def test_a_discounted_line_keeps_its_prices_to_the_millime():
    # given: 12.345 TND (VAT 19 %: 10.374 excl. tax), discounted by 1.000 TND tax included
    vase, _ = product_for_sale("Vase", "12.345")
    basket = basket_with((vase, 1))
    (line,) = basket.all_lines()
    line.discount(Decimal("1.000"), 1, incl_tax=True)
    # then: the tax-exclusive price loses its share of the discount, rounded to the millime
    assert line.line_price_incl_tax_incl_discounts == Decimal("11.345")
    assert line.line_price_excl_tax_incl_discounts == Decimal("9.534")  # 10.374 − 1.000 × 10.374 / 12.345
    assert basket.total_excl_tax == Decimal("9.534")
    assert basket.total_incl_tax == Decimal("11.345")


def basket_page_queries(client, count):
    for n in range(count):
        product, _record = product_for_sale(f"Article {count}-{n}", "10.000")
        client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 1})
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/fr/basket/")
    assert response.status_code == 200
    assert response.content.count(b'<li class="basket-line') == count
    return len([q for q in captured.captured_queries if not q["sql"].upper().startswith(CONTROL)])


@pytest.mark.django_db
def test_the_basket_page_does_not_grow_with_its_lines(client):
    basket_page_queries(client, 1)  # thumbnails made once
    client.cookies.clear()
    one = basket_page_queries(client, 1)
    client.cookies.clear()
    four = basket_page_queries(client, 4)
    assert four == one


@pytest.mark.django_db
def test_the_options_of_a_line_are_read_only_when_it_has_some_and_reach_the_order():
    # given: a plain vase and an engraved plate (an option) in one basket
    ensure_tunisia()
    vase, _ = product_for_sale("Vase", "12.000")
    plate, _ = product_for_sale("Assiette", "30.000")
    engraving = Option.objects.create(name="Gravure", code="gravure")
    plate.product_options.add(engraving)
    basket = basket_with((vase, 1))
    basket.add_product(plate, 1, [{"option": engraving, "value": "Amira"}])
    # when: the basket is loaded again (as for a new request)
    basket = Basket.objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy()
    with CaptureQueriesContext(connection) as captured:
        plain, engraved = basket.all_lines()
        options = ([a.value for a in plain.attributes.all()], [a.value for a in engraved.attributes.all()])
    # then: one query for the lines, one for the options of the engraved line only
    assert options == ([], ["Amira"])
    assert len(captured.captured_queries) == 2
    assert f"IN ({engraved.pk})" in captured.captured_queries[1]["sql"]
    order = services.place_order(basket=basket, customer=GUEST, payment_method="cod", delivery=TUNIS)
    assert [line.description for line in order.lines.order_by("pk")] == [
        "Vase",
        "Assiette (Gravure = 'Amira')",
    ]
