""" "Often bought together" next to the checkouts: co-purchases of the last 30 days (the hourly
rankings), then the category."""

import pytest
from django.core.cache import cache
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from cms_pages.core.services import compute_product_rankings
from commerce.checkout import services
from commerce.checkout.selectors import often_bought_with
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia


@pytest.mark.django_db
def test_suggestions_rank_co_purchases_then_fill_from_the_same_category():
    cache.clear()
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine", "45.000")
    cups, _ = product_for_sale("Tasses", "20.000")
    spices, _ = product_for_sale("Épices", "8.000")
    bowl, _ = product_for_sale("Bol", "9.900")
    kitchen = create_from_breadcrumbs("Maison > Cuisine")
    for product in (tajine, bowl):
        product.productcategory_set.create(category=kitchen)
    # two orders with tajine + spices, one with tajine + cups
    for items in ([(tajine, 1), (spices, 1)], [(tajine, 1), (spices, 1)], [(tajine, 1), (cups, 1)]):
        services.place_order(basket=basket_with(*items), customer=GUEST, payment_method="cod", delivery=TUNIS)
    compute_product_rankings()  # the hourly task
    # when
    suggestions = often_bought_with([tajine.pk], limit=3)
    # then
    assert [product.title for product in suggestions] == ["Épices", "Tasses", "Bol"]
    assert often_bought_with([]) == []
