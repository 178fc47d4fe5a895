"""Commerce blocks show live price and stock; best-sellers and combinations come from recent orders."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from cms_pages.core.tasks import compute_product_rankings
from commerce.analytics.models import ProductRanking
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import basket_with
from tests.factories.pages import add_page, stream

Order = get_model("order", "Order")


def product_card(html, product):
    """The <article> of ``product``'s card in a page."""
    for card in re.findall(r'<article class="product-card">.*?</article>', html, flags=re.S):
        if product.get_absolute_url() in card:
            return card
    return None


def landing_with(fr_home, *blocks):
    from cms_pages.landing.models import LandingPage

    return add_page(fr_home, LandingPage, title="Vitrine", slug="vitrine", body=stream(*blocks))


@pytest.mark.django_db
def test_product_grid_shows_the_current_price_and_stock_even_when_cached(client, fr_home):
    # given: a landing page showing a hand-picked product, already in the page cache
    tajine, _ = product_for_sale("Tajine de Nabeul", price="123.450", stock=5)
    page = landing_with(
        fr_home, ("product_grid", {"title": "Sélection", "source": "hand_picked", "products": [tajine.pk]})
    )
    first = client.get(page.url)
    again = client.get(page.url)
    card = product_card(first.content.decode(), tajine)
    assert card is not None
    assert "123,450" in card and "badge--success" in card and f"/basket/add/{tajine.pk}/" in card
    assert again["X-Page-Cache"] == "hit"

    # when: the seller changes the price and sells out
    record = tajine.stockrecords.get()
    record.price = Decimal("98.760")
    record.num_in_stock = 0
    record.save()

    # then: the next visitor sees the new price and no "add" button
    response = client.get(page.url)
    card = product_card(response.content.decode(), tajine)
    assert response["X-Page-Cache"] == "miss"
    assert "98,760" in card and "123,450" not in card
    assert "badge--muted" in card and f"/basket/add/{tajine.pk}/" not in card


@pytest.mark.django_db
def test_product_highlight_posts_to_the_basket(client, fr_home):
    lamp, _ = product_for_sale("Lampe en cuivre", price="75.000", stock=3)
    page = landing_with(fr_home, ("product_highlight", {"product": lamp.pk, "headline": "Coup de cœur"}))

    html = client.get(page.url).content.decode()
    added = client.post(f"/fr/basket/add/{lamp.pk}/", {"quantity": 1})

    assert "Coup de cœur" in html and "75,000" in html
    assert f'action="/fr/basket/add/{lamp.pk}/"' in html
    assert added.status_code == 302
    assert client.get("/fr/basket/").context["basket"].num_items == 1


def place_order(*items, days_ago):
    order = create_order(basket=basket_with(*items))
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(days=days_ago))
    return order


@pytest.mark.django_db
def test_best_sellers_and_combinations_come_from_the_last_30_days_of_orders(client, fr_home):
    # given: orders this month, and a big one two months ago
    tajine, plat, jarre, old = (
        product_for_sale(title, price="20.000", stock=100)[0]
        for title in ("Tajine", "Plat", "Jarre", "Ancien")
    )
    place_order((tajine, 2), (plat, 1), days_ago=3)
    place_order((tajine, 1), (jarre, 1), days_ago=20)
    place_order((old, 50), (plat, 1), days_ago=45)

    # when: the scheduled task runs
    compute_product_rankings.delay()

    # then: units of the last 30 days only, and products bought in the same orders
    best = ProductRanking.objects.get(kind="best_sellers", anchor_id=0).product_ids
    assert best[0] == tajine.pk and set(best) == {tajine.pk, plat.pk, jarre.pk}
    with_tajine = ProductRanking.objects.get(kind="bought_together", anchor_id=tajine.pk).product_ids
    assert set(with_tajine) == {plat.pk, jarre.pk}
    assert not ProductRanking.objects.filter(kind="bought_together", anchor_id=old.pk).exists()

    # and: the blocks show them, best first
    page = landing_with(
        fr_home,
        ("product_grid", {"title": "Meilleures ventes", "source": "best_sellers", "count": 2}),
        (
            "product_grid",
            {"title": "Avec le tajine", "source": "bought_together", "anchor": tajine.pk, "count": 4},
        ),
    )
    html = client.get(page.url).content.decode()
    best_section = html.split("Meilleures ventes")[1].split("Avec le tajine")[0]
    assert best_section.index(tajine.get_absolute_url()) < best_section.index(plat.get_absolute_url())
    assert old.get_absolute_url() not in html


@pytest.mark.django_db
def test_rankings_task_is_on_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "cms_pages.core.tasks.compute_product_rankings",
        "cms_pages.core.tasks.publish_scheduled_pages",
    } <= tasks


@pytest.mark.django_db
def test_expert_cards_render_nothing_until_experts_exist(client, fr_home):
    page = landing_with(fr_home, ("experts", {"title": "Nos experts", "count": 4}), ("heading", "Fin"))
    html = client.get(page.url).content.decode()
    assert "Nos experts" not in html and "Fin" in html


@pytest.mark.django_db
def test_expert_cards_show_approved_experts_and_follow_their_changes_through_the_cache(client, fr_home):
    # given: a cached landing page with expert cards, and no expert yet
    from commerce.experts import services
    from tests.factories.experts import make_application, make_expert

    page = landing_with(fr_home, ("experts", {"title": "Nos experts", "count": 4}))
    assert "Nos experts" not in client.get(page.url).content.decode()
    # when: an expert is approved (another only applied)
    expert = make_expert()
    make_application("amel@example.com", "Amel En Attente")
    html = client.get(page.url).content.decode()
    # then: the cards show the approved expert only, and follow a change at once
    assert "Nos experts" in html and "Nour Haddad" in html and "Amel En Attente" not in html
    services.update_profile(expert, full_name="Nour Haddad-Ben Ali")
    assert "Nour Haddad-Ben Ali" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_a_pricing_plan_shows_the_commission_orders_take(client, fr_home, settings):
    # given: the platform takes 15 % of each sale of a new shop, and a "Sell on Souk" page whose
    # plan shows the commission
    from tests.factories.sellers import make_shop, order_of

    settings.SELLERS_DEFAULT_COMMISSION_RATE = Decimal("0.15")
    plan = {"name": "Essentiel", "price": "0.000", "features": ["Boutique"], "show_commission": True}
    page = landing_with(fr_home, ("pricing", {"title": "Vendre", "plans": [plan]}))
    # when: a new shop sells something, and a visitor reads the page
    tajine, _ = product_for_sale("Tajine", shop=make_shop("Dar Nabeul"), price="100.000")
    [line] = order_of((tajine, 1)).lines.all()
    html = client.get(page.url).content.decode()
    # then: the page shows the very rate the order took
    assert line.commission_rate == Decimal("0.15")
    assert re.search(
        r"Commission de 15\s%\s*sur chaque vente", html.replace("\u202f", " ").replace("\xa0", " ")
    )
