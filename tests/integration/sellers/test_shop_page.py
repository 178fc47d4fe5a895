"""A shop's public page: its profile and its public products, paginated, in a fixed number of queries."""

import pytest
from django.test import override_settings
from django.utils import translation

from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_shop

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def profiled_shop(db):
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
def test_shop_page_shows_the_profile_and_only_the_shops_public_products(client, profiled_shop, language):
    # given
    product_for_sale("Tajine émaillé", shop=profiled_shop)
    product_for_sale("Plat brouillon", shop=profiled_shop, public=False)
    other = make_shop("Autre boutique")
    product_for_sale("Chéchia d'une autre boutique", shop=other)
    # when
    response = client.get(f"/{language}/shops/{profiled_shop.slug}/")
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
def test_shop_page_is_paginated(client, profiled_shop):
    for number in range(6):
        product_for_sale(f"Produit {number}", shop=profiled_shop)
    first = client.get(f"/fr/shops/{profiled_shop.slug}/")
    second = client.get(f"/fr/shops/{profiled_shop.slug}/?page=2")
    assert first.status_code == second.status_code == 200
    assert len(first.context["products"]) == 4
    assert len(second.context["products"]) == 2


@pytest.mark.django_db
def test_shop_page_query_count_does_not_grow_with_products(
    client, profiled_shop, django_assert_max_num_queries
):
    # given: a page with 2 products, then one with 20
    for number in range(2):
        product_for_sale(f"Premier {number}", shop=profiled_shop)
    client.get(f"/fr/shops/{profiled_shop.slug}/")  # warm caches (site, locale, categories)
    with django_assert_max_num_queries(30) as few:
        client.get(f"/fr/shops/{profiled_shop.slug}/")
    few_queries = len(few.captured_queries)  # read now: the next request resets Django's query log
    for number in range(18):
        product_for_sale(f"Suivant {number}", shop=profiled_shop)
    client.get(f"/fr/shops/{profiled_shop.slug}/")  # the new cards, as the first visitor renders them
    # when
    with django_assert_max_num_queries(few_queries) as many:
        response = client.get(f"/fr/shops/{profiled_shop.slug}/")
    # then
    assert len(response.context["products"]) == 20
    assert len(many.captured_queries) == few_queries


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_product_page_names_its_shop_and_links_to_it(client, profiled_shop, language):
    # given
    tajine, _ = product_for_sale("Tajine émaillé", shop=profiled_shop)
    with translation.override(language):
        url = tajine.get_absolute_url()
    # when
    html = client.get(url).content.decode()
    # then
    assert f'<a href="/{language}/shops/{profiled_shop.slug}/">Dar Nabeul — Céramique</a>' in html
