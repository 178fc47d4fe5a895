"""Query budgets of the shopper's catalogue pages stay fixed however large the catalogue grows."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from tests.factories.catalogue import product_for_sale

PRODUCT_PAGE_BUDGET = 8
#: The page's ids: the count is remembered (test_list_counts), every card comes from the card cache
#: (test_product_cards).
LIST_PAGE_BUDGET = 1


def queries_for(client, url):
    client.get(url)  # warm caches a real site keeps warm (header categories, site settings)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def grow_catalogue(count, start=0):
    for number in range(start, start + count):
        product_for_sale(f"Article {number}", "10.000", shop=f"Vendeur {number % 7}")


@pytest.mark.django_db
@override_settings(CATALOGUE_PAGE_CACHE_SECONDS=0)  # the rendered page (a cache hit: test_product_page_cache)
def test_product_page_fits_its_budget_and_does_not_grow_with_the_catalogue(client):
    product, _ = product_for_sale("Tajine émaillé", "45.000", shop="Dar Nabeul")
    product.productcategory_set.create(category=create_from_breadcrumbs("Maison > Cuisine > Tajines"))
    with translation.override("fr"):
        url = product.get_absolute_url()
    grow_catalogue(5)
    small = queries_for(client, url)
    grow_catalogue(60, start=5)
    large = queries_for(client, url)
    assert small <= PRODUCT_PAGE_BUDGET
    assert large == small


@pytest.mark.django_db
def test_catalogue_list_fits_its_budget_and_does_not_grow_with_the_catalogue(client):
    grow_catalogue(30)
    small = queries_for(client, "/fr/catalogue/")
    grow_catalogue(70, start=30)
    large = queries_for(client, "/fr/catalogue/")
    assert small <= LIST_PAGE_BUDGET
    assert large == small
