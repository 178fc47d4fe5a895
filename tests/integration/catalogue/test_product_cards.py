"""Product cards come from the cache, one read per grid, and follow every change on the next page.

Each card's HTML is kept per product, language and image loading (commerce/catalogue/cards.py);
the ``rendered`` fixture records which cards a page had to render, so each test can tell a cached
card from a fresh one.
"""

import io
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test.factories import create_stockrecord
from PIL import Image

from commerce.catalogue import cards
from commerce.core import pagecache
from commerce.partner import stock
from tests.factories.catalogue import physical_class, product_for_sale

Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

LIST = "/fr/catalogue/"
CARD = re.compile(r'<article class="product-card">.*?</article>', re.S)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
#: Queries that load what a card shows (only a card that is rendered needs them).
CARD_DATA = ("catalogue_productimage", "partner_stockrecord")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def rendered(monkeypatch):
    """Ids of the products whose card a page rendered (instead of taking it from the cache)."""
    ids = []
    render = cards._render

    def spy(template, context, product, position):
        ids.append(product.pk)
        return render(template, context, product, position)

    monkeypatch.setattr(cards, "_render", spy)
    return ids


def page(url=LIST, client=None):
    response = (client or Client()).get(url)
    assert response.status_code == 200
    return response.content.decode()


def cards_in(html):
    return CARD.findall(html)


def card_of(html, product, language="fr"):
    """The card of ``product`` in a page in ``language`` (found by the product's URL)."""
    with translation.override(language):
        url = product.get_absolute_url()
    found = [card for card in cards_in(html) if f'href="{url}"' in card]
    assert len(found) == 1, f"one card of {product} expected, found {len(found)}"
    return found[0]


def visit(url=LIST):
    """The page's HTML and the SQL of its queries."""
    with CaptureQueriesContext(connection) as captured:
        html = page(url)
    return html, [query["sql"] for query in captured.captured_queries]


def queries(url=LIST):
    return visit(url)[1]


def loads_card_data(sqls):
    return [sql for sql in sqls if any(table in sql for table in CARD_DATA)]


def with_picture(product):
    picture = io.BytesIO()
    Image.new("RGB", (32, 32), (180, 90, 40)).save(picture, "JPEG")
    ProductImage.objects.create(
        product=product,
        original=ContentFile(picture.getvalue(), name=f"card-{product.pk}.jpg"),
        display_order=0,
    )
    return product


def with_variants(title, *prices):
    """A parent product and one variant per price, each stocked by the same seller."""
    parent = Product.objects.create(title=title, structure=Product.PARENT, product_class=physical_class())
    for number, price in enumerate(prices, 1):
        variant = Product.objects.create(title=f"{title} {number}", structure=Product.CHILD, parent=parent)
        create_stockrecord(variant, price=Decimal(price), num_in_stock=5, partner_name="Dar Fakhar")
    return parent


@pytest.mark.django_db
def test_a_second_visit_takes_every_card_from_the_cache_and_loads_no_product(rendered):
    # given: a catalogue seen once
    products = [product_for_sale(f"Bol {number}", "12.000")[0] for number in range(6)]
    first, first_visit = visit()
    assert sorted(rendered) == sorted(product.pk for product in products)
    # when: the next visitor comes
    rendered.clear()
    second, second_visit = visit()
    # then: the same cards, none rendered, and only the products' ids read from the database
    assert rendered == []
    assert len(cards_in(second)) == 6
    assert CSRF.sub("", "".join(cards_in(second))) == CSRF.sub("", "".join(cards_in(first)))
    assert len(second_visit) < len(first_visit)
    assert loads_card_data(first_visit) and not loads_card_data(second_visit)


@pytest.mark.django_db
def test_a_new_price_shows_on_the_next_page_and_only_that_card_is_rendered_again(rendered):
    tajine, record = product_for_sale("Tajine émaillé", "45.000")
    others = [product_for_sale(f"Assiette {number}", "18.000")[0] for number in range(3)]
    assert "45,000" in card_of(page(), tajine)
    rendered.clear()
    # when: the seller changes the price (a stock record save, as the dashboard does)
    record.price = Decimal("39.500")
    record.save()
    # then
    html = page()
    assert "39,500" in card_of(html, tajine) and "45,000" not in html
    assert rendered == [tajine.pk]
    assert all("18,000" in card_of(html, other) for other in others)


@pytest.mark.django_db
def test_a_sold_out_product_loses_its_add_button_at_once(rendered):
    lamp, record = product_for_sale("Lampe en cuivre", "120.000", stock=3)
    bowl, _ = product_for_sale("Bol", "9.900", stock=3)
    before = page()
    assert "badge--success" in card_of(before, lamp) and f"/basket/add/{lamp.pk}/" in card_of(before, lamp)
    rendered.clear()
    # when: the stock is set to zero through the stock service (dashboard, CSV import)
    stock.set_level(record.pk, 0)
    # then
    html = page()
    assert "badge--muted" in card_of(html, lamp) and f"/basket/add/{lamp.pk}/" not in card_of(html, lamp)
    assert f"/basket/add/{bowl.pk}/" in card_of(html, bowl)
    assert rendered == [lamp.pk]


@pytest.mark.django_db
def test_a_variants_new_price_shows_on_its_parents_card(rendered):
    parent = with_variants("Jarre", "80.000", "95.000")
    assert "80,000" in card_of(page(), parent)
    rendered.clear()
    cheapest = StockRecord.objects.get(product__parent=parent, price=Decimal("80.000"))
    cheapest.price = Decimal("70.000")
    cheapest.save()
    html = page()
    assert "70,000" in card_of(html, parent) and "80,000" not in html
    assert rendered == [parent.pk]


@pytest.mark.django_db
def test_a_card_names_its_shop_and_a_renamed_shop_shows_on_the_next_page(rendered):
    # given: a product of one shop and a parent whose variants another shop sells
    tajine, record = product_for_sale("Tajine émaillé", "45.000", shop="Dar Nabeul")
    jarre = with_variants("Jarre", "80.000", "95.000")
    shop = record.partner
    html = page()
    # then: each card names the shop selling it and links to its page
    assert "Dar Nabeul" in card_of(html, tajine) and f'href="/fr/shops/{shop.slug}/"' in card_of(html, tajine)
    jarre_shop = StockRecord.objects.filter(product__parent=jarre).first().partner
    assert f'href="/fr/shops/{jarre_shop.slug}/">' in card_of(html, jarre)
    rendered.clear()
    # when: the shop is renamed
    shop.name = "Dar Nabeul Céramique"
    shop.save()
    # then: its card says so on the next page, the others come from the cache
    assert "Dar Nabeul Céramique" in card_of(page(), tajine)
    assert rendered == [tajine.pk]


@pytest.mark.django_db
def test_a_renamed_product_class_shows_on_every_card():
    tajine, _ = product_for_sale("Tajine", "45.000")
    assert "Physical" in card_of(page(), tajine)
    product_class = physical_class()
    product_class.name = "Artisanat"
    product_class.save()
    html = card_of(page(), tajine)
    assert "Artisanat" in html and "Physical" not in html


@pytest.mark.django_db
def test_each_visitor_gets_their_own_csrf_token_in_cached_cards_and_can_add_to_basket(rendered):
    tajine, _ = product_for_sale("Tajine", "45.000")
    shoppers = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    tokens = []
    for shopper in shoppers:
        html = page(client=shopper)
        assert pagecache.CSRF_PLACEHOLDER not in html
        tokens.append(CSRF.search(card_of(html, tajine)).group(1))
    assert rendered == [tajine.pk]  # the second shopper's card came from the cache
    assert tokens[0] != tokens[1]
    add = f"/fr/basket/add/{tajine.pk}/"
    # the first shopper's token is refused from the second shopper: each token is its visitor's own
    assert shoppers[1].post(add, {"csrfmiddlewaretoken": tokens[0], "quantity": "1"}).status_code == 403
    added = shoppers[1].post(add, {"csrfmiddlewaretoken": tokens[1], "quantity": "2"})
    assert added.status_code == 302
    assert Basket.objects.get(pk=shoppers[1].cookies["oscar_open_basket"].value.split(":")[0]).num_items == 2


@pytest.mark.django_db
def test_arabic_and_french_cards_are_kept_apart(rendered):
    tajine, _ = product_for_sale("Tajine émaillé", "45.000")
    tajine.title_ar = "طاجين مطلي"
    tajine.save()
    for _visit in range(2):
        french = card_of(page("/fr/catalogue/"), tajine)
        arabic = card_of(page("/ar/catalogue/"), tajine, "ar")
        assert "Tajine émaillé" in french and "طاجين" not in french and 'href="/fr/' in french
        assert "طاجين مطلي" in arabic and "Tajine émaillé" not in arabic and 'href="/ar/' in arabic
        assert 'href="/fr/' not in arabic
    assert rendered == [tajine.pk, tajine.pk]  # once per language, then from the cache


@pytest.mark.django_db
def test_the_first_four_cards_load_their_image_at_once_and_the_others_lazily(rendered):
    # given: six products with pictures, newest first on the list
    products = [with_picture(product_for_sale(f"Vase {number}", "30.000")[0]) for number in range(6)]
    newest_first = products[::-1]
    html = page()
    lazy = ['loading="lazy"' in card_of(html, product) for product in newest_first]
    assert lazy == [False] * 4 + [True] * 2
    rendered.clear()
    # when: a new product comes first, pushing the fourth card to the fifth place
    newcomer = with_picture(product_for_sale("Vase neuf", "30.000")[0])
    html = page()
    # then: the moved card is lazy now, the others keep their cached card
    order = [newcomer, *newest_first]
    lazy = ['loading="lazy"' in card_of(html, product) for product in order]
    assert lazy == [False] * 4 + [True] * 3
    assert sorted(rendered) == sorted([newcomer.pk, newest_first[3].pk])


@pytest.mark.django_db
def test_the_list_costs_the_same_queries_however_large_the_catalogue():
    def grow(standalone, parents, start=0):
        for number in range(start, start + standalone):
            product_for_sale(f"Article {number}", "10.000", shop=f"Vendeur {number % 3}")
        for number in range(start, start + parents):
            with_picture(with_variants(f"Modèle {number}", "20.000", "25.000"))

    def cold_and_warm():
        page()  # thumbnails made once, as on a live site
        pagecache.invalidate(pagecache.CATALOGUE_TAG)  # every card stale
        return queries(), queries()

    grow(3, 1)
    cold_small, warm_small = cold_and_warm()
    grow(30, 5, start=3)
    cold_large, warm_large = cold_and_warm()
    assert len(cold_large) == len(cold_small)
    assert len(warm_large) == len(warm_small) < len(cold_small)
    assert loads_card_data(cold_large) and not loads_card_data(warm_large)


@pytest.mark.django_db
def test_other_grids_use_the_cards_the_catalogue_cached(rendered):
    tajine, record = product_for_sale("Tajine", "45.000", shop="Dar Nabeul")
    page()
    rendered.clear()
    shop = page(f"/fr/shops/{record.partner.slug}/")
    assert "45,000" in card_of(shop, tajine)
    assert rendered == []


@pytest.mark.django_db
def test_no_card_is_cached_when_the_lifetime_is_zero(settings, rendered):
    settings.CATALOGUE_CARD_CACHE_SECONDS = 0
    tajine, record = product_for_sale("Tajine", "45.000")
    parents = [with_variants(f"Jarre {number}", "80.000") for number in range(2)]
    assert "45,000" in card_of(page(), tajine)
    small = len(queries())
    # a change that tells no cache (a bulk update) still shows: nothing was kept
    StockRecord.objects.filter(pk=record.pk).update(price=Decimal("39.500"))
    assert "39,500" in card_of(page(), tajine)
    assert rendered.count(tajine.pk) == 3  # every page rendered it
    # and rendering every card costs the same queries with more variants
    parents += [with_variants(f"Plat {number}", "40.000", "45.000") for number in range(4)]
    page()  # the new products change the list's count: counted once again
    assert len(queries()) == small
    assert all("badge--success" in card_of(page(), parent) for parent in parents)
