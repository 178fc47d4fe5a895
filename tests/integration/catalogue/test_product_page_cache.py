"""Anonymous product pages come from the page cache, yet price, stock and history are never stale."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from oscar.apps.catalogue.signals import product_viewed
from oscar.core.loading import get_model

from commerce.analytics import counters
from commerce.partner import stock
from tests.factories.catalogue import product_for_sale

ProductRecord = get_model("analytics", "ProductRecord")
ProductRecommendation = get_model("catalogue", "ProductRecommendation")
Basket = get_model("basket", "Basket")

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
#: What differs between two visitors of the same page: their CSRF token and their scripts' CSP nonce.
PER_VISITOR = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|nonce="[^"]+"')
#: A hit needs no database: the view is counted in Redis (commerce/analytics/counters.py).
HIT_BUDGET = 0


def url_of(product, language="fr"):
    with translation.override(language):
        return product.get_absolute_url()


def visit(url, client=None):
    """A page as a new visitor (or ``client``) sees it: (response, html)."""
    response = (client or Client()).get(url)
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.fixture(autouse=True)
def no_buffered_views():
    cache.delete(counters.VIEWS_KEY)


@pytest.fixture
def tajine(db):
    product, record = product_for_sale("Tajine émaillé", "45.000", stock=20)
    return product, record


def test_second_visitor_gets_the_cached_page_and_the_view_is_still_counted(tajine):
    product, _ = tajine
    url = url_of(product)
    first, first_html = visit(url)
    with CaptureQueriesContext(connection) as captured:
        second, second_html = visit(url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    queries = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(("BEGIN", "COMMIT"))]
    assert len(queries) <= HIT_BUDGET
    assert PER_VISITOR.sub("", first_html) == PER_VISITOR.sub("", second_html)
    counters.flush_views()
    assert ProductRecord.objects.get(product=product).num_views == 2
    assert "oscar_history" in second.cookies  # Oscar's history cookie is set on hits too


def test_price_and_stock_changes_show_on_the_next_visit(tajine):
    product, record = tajine
    url = url_of(product)
    visit(url)
    assert visit(url)[0]["X-Page-Cache"] == "hit"
    # when: the seller changes the price (a stock record save)
    record.price = Decimal("39.500")
    record.save()
    response, html = visit(url)
    assert response["X-Page-Cache"] == "miss"
    assert "39,500" in html and "45,000" not in html
    # when: the stock runs out (through the stock service, as the dashboard and CSV import do)
    visit(url)
    stock.set_level(record.pk, 0)
    _, html = visit(url)
    assert "Add to basket" not in html and 'id="add_to_basket_form"' not in html


def test_each_visitor_gets_their_own_csrf_token_and_can_add_to_basket(tajine):
    product, _ = tajine
    url = url_of(product)
    visit(url)
    shoppers = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    tokens = []
    for shopper in shoppers:
        response, html = visit(url, shopper)
        assert response["X-Page-Cache"] == "hit"
        tokens.append(CSRF.search(html).group(1))
    assert tokens[0] != tokens[1]
    added = shoppers[1].post(
        f"/fr/basket/add/{product.pk}/", {"csrfmiddlewaretoken": tokens[1], "quantity": "2"}
    )
    assert added.status_code == 302
    assert Basket.objects.get(pk=shoppers[1].cookies["oscar_open_basket"].value.split(":")[0]).num_items == 2


def test_recently_viewed_belongs_to_each_visitor_and_is_never_cached(tajine):
    product, _ = tajine
    lamp, _ = product_for_sale("Lampe en cuivre", "120.000")
    browsing = Client()
    visit(url_of(lamp), browsing)
    # when: the browsing visitor renders the tajine page first (a miss: stored without their history)
    response, html = visit(url_of(product), browsing)
    assert response["X-Page-Cache"] == "miss"
    assert "recently-viewed-title" in html and "Lampe en cuivre" in html
    # then: a new visitor gets the cached page without anybody's history
    response, html = visit(url_of(product))
    assert response["X-Page-Cache"] == "hit"
    assert "recently-viewed-title" not in html and "Lampe en cuivre" not in html
    # and the browsing visitor still sees their own history on a hit
    response, html = visit(url_of(product), browsing)
    assert response["X-Page-Cache"] == "hit"
    assert "Lampe en cuivre" in html


def test_a_recommended_products_new_price_refreshes_the_page(tajine):
    product, _ = tajine
    plate, plate_record = product_for_sale("Assiette peinte", "18.000")
    ProductRecommendation.objects.create(primary=product, recommendation=plate, ranking=1)
    url = url_of(product)
    assert "18,000" in visit(url)[1]
    plate_record.price = Decimal("16.000")
    plate_record.save()
    response, html = visit(url)
    assert response["X-Page-Cache"] == "miss"
    assert "16,000" in html


def test_unpublished_or_renamed_products_are_not_served_from_the_cache(tajine):
    product, _ = tajine
    url = url_of(product)
    visit(url)
    product.title = "Tajine de Nabeul"
    product.save()
    assert "Tajine de Nabeul" in visit(url)[1]
    product.is_public = False
    product.save()
    assert Client().get(url).status_code == 404


def test_signed_in_shoppers_and_query_strings_are_never_served_from_the_cache(tajine, django_user_model):
    product, _ = tajine
    url = url_of(product)
    visit(url)
    user = django_user_model.objects.create_user(email="amira@example.com", password="x")
    member = Client()
    member.force_login(user)
    response, html = visit(url, member)
    assert "X-Page-Cache" not in response
    assert "amira@example.com" in html  # their account menu, not a cached stranger's page
    assert "X-Page-Cache" not in Client().get(url + "?utm_source=newsletter")


def test_each_language_has_its_own_page(tajine):
    product, _ = tajine
    visit(url_of(product, "fr"))
    response, html = visit(url_of(product, "ar"))
    assert response["X-Page-Cache"] == "miss"
    assert 'dir="rtl"' in html


@override_settings(CATALOGUE_PAGE_CACHE_SECONDS=0)
def test_the_page_cache_can_be_turned_off(tajine):
    product, _ = tajine
    url = url_of(product)
    visit(url)
    assert "X-Page-Cache" not in visit(url)[0]


def test_a_hit_does_what_the_product_viewed_signal_does_for_a_visitor():
    # A hit records the view without sending product_viewed (that needs the product from the
    # database): the signal's receivers must be only the ones the hit stands in for (the view
    # counter is called by the page itself, not from the signal).
    receivers = {receiver().__module__ for _key, receiver, *_rest in product_viewed.receivers}
    assert receivers == {"oscar.apps.customer.receivers"}


def test_a_sale_that_leaves_plenty_keeps_the_page_and_one_that_leaves_few_says_how_many(tajine):
    product, record = tajine  # 20 in stock
    url = url_of(product)
    visit(url)
    # when: a sale leaves 18: shoppers are still told "In stock", so the page stays cached
    stock.allocate([(record.pk, 2, None)])
    response, html = visit(url)
    assert response["X-Page-Cache"] == "hit"
    assert "En stock" in html and "disponible" not in html
    # when: a sale leaves 4: the page says so at once, in French and in Arabic
    stock.allocate([(record.pk, 14, None)])
    response, html = visit(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Plus que 4 en stock" in html
    assert "لم يتبقَّ سوى 4" in visit(url_of(product, "ar"))[1]
    # and: every later sale changes the number shown
    stock.allocate([(record.pk, 1, None)])
    assert "Plus que 3 en stock" in visit(url)[1]
