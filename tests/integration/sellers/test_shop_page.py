"""A shop's public page: its profile and its public products, paginated, in a fixed number of queries."""

import pytest
from django.test import override_settings
from django.utils import translation

from tests.factories.sellers import make_shop, stocked


@pytest.fixture
def shop(db):
    return make_shop(
        "Dar Nabeul — Céramique",
        description="Poterie de Nabeul, tournée à la main.",
        contact_email="contact@dar-nabeul.example",
        instagram_url="https://instagram.com/darnabeul",
        terms_of_sale="Expédition sous 48 h.",
        refund_policy="Retour sous 14 jours.",
    )


@pytest.mark.django_db
def test_a_new_shop_gets_a_unique_slug_from_its_name():
    first = make_shop("Jebba & Co")
    second = make_shop("Jebba + Co")  # another name (the same one is refused), the same slug
    assert first.slug == "jebba-co"
    assert second.slug == "jebba-co-2"
    assert first.get_absolute_url() == "/fr/shops/jebba-co/"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_shop_page_shows_the_profile_and_only_the_shops_public_products(client, shop, language):
    # given
    stocked(shop, "Tajine émaillé")
    stocked(shop, "Plat brouillon", public=False)
    other = make_shop("Autre boutique")
    stocked(other, "Chéchia d'une autre boutique")
    # when
    response = client.get(f"/{language}/shops/{shop.slug}/")
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dar Nabeul — Céramique" in html
    assert "Poterie de Nabeul" in html
    assert "contact@dar-nabeul.example" in html
    assert "https://instagram.com/darnabeul" in html
    assert "Retour sous 14 jours." in html
    assert "Tajine émaillé" in html
    assert "Plat brouillon" not in html
    assert "Chéchia" not in html
    if language == "ar":
        assert 'dir="rtl"' in html


@pytest.mark.django_db
def test_unknown_shop_is_404(client):
    assert client.get("/fr/shops/no-such-shop/").status_code == 404


@pytest.mark.django_db
@override_settings(SELLERS_SHOP_PRODUCTS_PER_PAGE=4)
def test_shop_page_is_paginated(client, shop):
    for number in range(6):
        stocked(shop, f"Produit {number}")
    first = client.get(f"/fr/shops/{shop.slug}/")
    second = client.get(f"/fr/shops/{shop.slug}/?page=2")
    assert first.status_code == second.status_code == 200
    assert len(first.context["products"]) == 4
    assert len(second.context["products"]) == 2


@pytest.mark.django_db
def test_shop_page_query_count_does_not_grow_with_products(client, shop, django_assert_max_num_queries):
    # given: a page with 2 products, then one with 20
    for number in range(2):
        stocked(shop, f"Premier {number}")
    client.get(f"/fr/shops/{shop.slug}/")  # warm caches (site, locale, categories)
    with django_assert_max_num_queries(30) as few:
        client.get(f"/fr/shops/{shop.slug}/")
    few_queries = len(few.captured_queries)  # read now: the next request resets Django's query log
    for number in range(18):
        stocked(shop, f"Suivant {number}")
    client.get(f"/fr/shops/{shop.slug}/")  # the new products' cards, as the first visitor renders them
    # when
    with django_assert_max_num_queries(few_queries) as many:
        response = client.get(f"/fr/shops/{shop.slug}/")
    # then
    assert len(response.context["products"]) == 20
    assert len(many.captured_queries) == few_queries


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_product_page_names_its_shop_and_links_to_it(client, shop, language):
    # given
    tajine, _ = stocked(shop, "Tajine émaillé")
    with translation.override(language):
        url = tajine.get_absolute_url()
    # when
    html = client.get(url).content.decode()
    # then
    assert f'<a href="/{language}/shops/{shop.slug}/">Dar Nabeul — Céramique</a>' in html
