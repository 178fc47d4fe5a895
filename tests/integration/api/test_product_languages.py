"""The API answers product texts in the language the client asks for, the same texts as the pages."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from rest_framework.test import APIClient

from commerce.demo.catalogue_data import PRODUCTS, SHOPS_BY_CODE, upc_for

Product = get_model("catalogue", "Product")

COUSCOUS_DISH = PRODUCTS[0]  # a parent with size and colour variants
T_SHIRT = PRODUCTS[21]  # six variants

pytestmark = pytest.mark.usefixtures("seeded_demo")  # the demo catalogue, seeded once for the module


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("ar", "صحن كسكسي من خزف نابل"),
        ("en", "Nabeul ceramic couscous dish"),
        ("fr", "Plat à couscous en céramique de Nabeul"),
    ],
)
def test_product_texts_follow_accept_language_and_match_the_product_page(client, language, title):
    # given: the demo catalogue, written in three languages
    dish = Product.objects.get(upc=upc_for(SHOPS_BY_CODE[COUSCOUS_DISH.shop], COUSCOUS_DISH.number))
    api = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    # when
    detail = api.get(f"/api/products/{dish.pk}/").json()
    listed = api.get("/api/products/", {"category": dish.categories.get().pk}).json()["results"]
    page = html.unescape(client.get(detail["url"]).content.decode())
    # then: the texts are the page's, in the language asked for
    assert detail["title"] == title
    assert detail["url"].startswith(f"http://testserver/{language}/")
    assert {product["title"] for product in listed} >= {title}
    texts = [detail["title"], detail["product_type"], *detail["categories"]]
    texts += [variant["label"] for variant in detail["variants"]]
    texts += [paragraph.split("</p>")[0] for paragraph in detail["description"].split("<p>")[1:]]
    assert [text for text in texts if text not in page] == []


@pytest.mark.django_db
def test_variant_labels_cost_the_same_queries_however_many_variants(django_assert_max_num_queries):
    # given: two demo products with four and six variants
    few, many = (
        Product.objects.get(upc=upc_for(SHOPS_BY_CODE[spec.shop], spec.number))
        for spec in (COUSCOUS_DISH, T_SHIRT)
    )
    api = APIClient(HTTP_ACCEPT_LANGUAGE="ar")
    with CaptureQueriesContext(connection) as first:
        assert len(api.get(f"/api/products/{few.pk}/").json()["variants"]) == 4
    # when / then
    with django_assert_max_num_queries(len(first)):
        assert len(api.get(f"/api/products/{many.pk}/").json()["variants"]) == 6
