"""The product ids a grid shows are remembered between visits, and forgotten as soon as they change:
a product listed or unlisted, or rankings recomputed (page cache off, so each visit renders)."""

import pytest

from cms_pages.core.tasks import compute_product_rankings
from tests.factories.catalogue import product_for_sale

from .test_commerce_blocks import landing_with, place_order


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.CMS_PAGE_CACHE_SECONDS = 0


@pytest.mark.django_db
def test_the_newest_grid_follows_products_listed_and_unlisted(client, fr_home):
    # given: a "newest" grid already shown once
    first, _ = product_for_sale("Tajine", price="20.000")
    page = landing_with(fr_home, ("product_grid", {"title": "Nouveautés", "source": "newest", "count": 8}))
    assert first.get_absolute_url() in client.get(page.url).content.decode()
    # when: a product is added and the first one is taken off the shop
    second, _ = product_for_sale("Jarre", price="30.000")
    first.is_public = False
    first.save()
    # then: the next visit shows the new list
    html = client.get(page.url).content.decode()
    assert second.get_absolute_url() in html
    assert first.get_absolute_url() not in html


@pytest.mark.django_db
def test_the_best_sellers_grid_follows_recomputed_rankings(client, fr_home):
    # given: a best-sellers grid shown before any ranking exists
    tajine, _ = product_for_sale("Tajine", price="20.000", stock=100)
    page = landing_with(
        fr_home, ("product_grid", {"title": "Meilleures ventes", "source": "best_sellers", "count": 4})
    )
    assert tajine.get_absolute_url() not in client.get(page.url).content.decode()
    # when: orders come in and the rankings task runs
    place_order((tajine, 2), days_ago=1)
    compute_product_rankings.delay()
    # then: the next visit shows the best-seller
    assert tajine.get_absolute_url() in client.get(page.url).content.decode()
