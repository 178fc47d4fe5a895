"""No N+1: an uncached home page costs the same few queries with 2 products in its blocks or 30,
and with one set of image, testimonial and page-link blocks or four."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from oscar.core.loading import get_class

from cms_pages.home.models import HomePage
from tests.factories.catalogue import product_for_sale
from tests.factories.pages import stream

from .rich_pages import chooser_blocks, make_image, make_testimonial, translated_landing

#: The issue's goal for a full uncached request of the home page, Wagtail's routing included.
MAX_QUERIES = 8
Selector = get_class("partner.strategy", "Selector")


def home_with_products(home, count):
    """Three product grids (hand-picked, newest, best-sellers) and a highlight, ``count`` products in all."""
    products = [product_for_sale(f"Produit {number}", price="10.000", stock=5)[0] for number in range(count)]
    ids = [product.pk for product in products]
    home.body = stream(
        ("hero", {"headline": "Bienvenue", "cta": {"label": "", "page": None, "url": ""}}),
        ("product_grid", {"title": "Choix", "source": "hand_picked", "products": ids[: count // 2]}),
        ("product_grid", {"title": "Nouveautés", "source": "newest", "count": 24}),
        ("product_grid", {"title": "Meilleures ventes", "source": "best_sellers", "count": 8}),
        ("product_highlight", {"product": ids[-1]}),
        ("paragraph", "<p>Bienvenue au souk.</p>"),
    )
    home.save_revision().publish()
    return HomePage.objects.get(pk=home.pk)


def serve_uncached(page):
    """Serve the page (after Wagtail's routing) as an anonymous shopper, with the page cache off."""
    request = RequestFactory().get(page.url)
    request.user = AnonymousUser()
    request.strategy = Selector().strategy(request=request, user=request.user)  # BasketMiddleware's job
    with translation.override(page.locale.language_code):
        response = page.serve(request)
        response.render()
    return response


def queries_of_second_visit(client, url):
    """Queries of a full request once a first one has filled the small shared caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 36])
def test_uncached_home_serves_in_at_most_8_queries_whatever_the_number_of_products(
    fr_home, settings, django_assert_max_num_queries, count
):
    # given: the page cache is off; the small shared caches (navigation, settings, SEO) are warm
    settings.CMS_PAGE_CACHE_SECONDS = 0
    home = home_with_products(fr_home, count)
    serve_uncached(home)
    home = HomePage.objects.select_related("locale").get(pk=home.pk)
    # when / then
    with django_assert_max_num_queries(MAX_QUERIES):
        response = serve_uncached(home)
    assert response.status_code == 200
    assert response.content.decode().count('class="product-card"') >= min(count, 24)


@pytest.mark.django_db
def test_full_request_query_count_does_not_grow_with_products(client, fr_home, settings):
    # given: the page cache is off
    settings.CMS_PAGE_CACHE_SECONDS = 0
    counts = []
    for count in (2, 30):
        home_with_products(fr_home, count)
        # when
        queries, html = queries_of_second_visit(client, "/fr/")
        counts.append(queries)
        assert html.count('class="product-card"') >= count // 2
    # then: site, locale, page (Wagtail's routing), then products, stock records and images
    assert counts[0] == counts[1] <= MAX_QUERIES


@pytest.mark.django_db
def test_full_request_query_count_does_not_grow_with_image_testimonial_and_link_blocks(
    client, home_pages, settings
):
    # given: the English home (one more routing query: the site's root is French) with a product grid,
    # a hero with an image and a link, then 1 or 4 copies of every block choosing images, testimonials
    # (with photos) or pages, in blocks and in rich text
    settings.CMS_PAGE_CACHE_SECONDS = 0
    product_for_sale("Tajine", price="10.000", stock=5)[0]
    english_home = home_pages["en"]
    _french, linked = translated_landing(home_pages["fr"])
    images = [make_image(f"photo-{number}") for number in range(3)]
    testimonials = [make_testimonial("en", f"Great shop {n}", photo=images[n]) for n in range(2)]
    hero = {"headline": "Welcome", "image": images[2].pk, "cta": {"label": "", "page": linked.pk, "url": ""}}
    counts = []
    for copies in (1, 4):
        blocks = [("hero", hero), ("product_grid", {"source": "newest", "count": 4})]
        blocks += chooser_blocks(images, testimonials, linked) * copies
        english_home.body = stream(*blocks)
        english_home.save_revision().publish()
        # when
        queries, html = queries_of_second_visit(client, "/en/")
        counts.append(queries)
        # then: every block rendered, links on the English translation of the linked page
        assert html.count("Great shop 1") == copies
        assert html.count(f'href="{linked.url}"') >= 4 * copies + 1
    assert counts[0] == counts[1] <= MAX_QUERIES


@pytest.mark.django_db
def test_cached_home_is_served_without_touching_the_database(client, fr_home, django_assert_num_queries):
    home_with_products(fr_home, 4)
    client.get("/fr/")
    # PageCacheMiddleware answers before Wagtail's routing: not even the site or page is looked up
    with django_assert_num_queries(0):
        response = client.get("/fr/")
    assert response["X-Page-Cache"] == "hit"
