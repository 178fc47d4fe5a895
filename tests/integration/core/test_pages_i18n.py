"""The shopper pages answer in each language, with the right direction and language attributes."""

import re

import pytest
from django.utils import translation

LANGUAGES = [("fr", "ltr"), ("en", "ltr"), ("ar", "rtl")]


def html_attributes(content):
    match = re.search(rb"<html[^>]*>", content)
    assert match, "no <html> tag"
    tag = match.group(0).decode()
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_home_page_answers_in_each_language(client, home_pages, product, language, direction):
    # when
    response = client.get(f"/{language}/")
    # then
    assert response.status_code == 200
    attributes = html_attributes(response.content)
    assert attributes["lang"] == language
    assert attributes["dir"] == direction
    assert home_pages[language].hero_title in response.content.decode()
    assert product.title in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_product_page_answers_in_each_language(client, product, language, direction):
    # given
    with translation.override(language):
        url = product.get_absolute_url()
    assert url.startswith(f"/{language}/catalogue/")
    # when
    response = client.get(url)
    # then
    assert response.status_code == 200
    assert html_attributes(response.content)["dir"] == direction
    assert product.title in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_basket_answers_in_each_language_with_a_line(client, product, language, direction):
    # given: the product is in the basket
    with translation.override(language):
        add_url = f"/{language}/basket/add/{product.pk}/"
    added = client.post(add_url, {"quantity": 1})
    assert added.status_code == 302
    # when
    response = client.get(f"/{language}/basket/")
    # then
    assert response.status_code == 200
    assert html_attributes(response.content)["dir"] == direction
    assert product.title in response.content.decode()


@pytest.mark.django_db
def test_root_redirects_to_the_french_site(client, home_pages):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.django_db
def test_language_switcher_keeps_the_shopper_on_the_same_product(client, product):
    # given
    with translation.override("fr"):
        url = product.get_absolute_url()
    # when
    page = client.get(url).content.decode()
    # then: the Arabic link points to the Arabic URL of this product
    with translation.override("ar"):
        arabic_url = product.get_absolute_url()
    assert f'href="{arabic_url}"' in page
