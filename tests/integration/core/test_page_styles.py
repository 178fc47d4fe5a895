"""The first paint waits for no stylesheet request: the site's stylesheets travel inside the page."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

LINKED_STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"')


def inline_css(html):
    return "".join(re.findall(r"<style>(.*?)</style>", html, flags=re.S))


@pytest.mark.django_db
def test_storefront_pages_carry_their_stylesheets_inline(client, home_pages, product):
    # given
    with translation.override("ar"):
        product_url = product.get_absolute_url()
    pages = {
        "/ar/": (".product-grid {", ".cms-column__title {"),
        "/ar/catalogue/": (".product-grid {",),
        product_url: (".product-grid {", ".quick-checkout"),
    }
    for url, rules in pages.items():
        # when
        html = client.get(url).content.decode()
        # then
        assert not LINKED_STYLESHEET.search(html), url
        assert all(rule in inline_css(html) for rule in rules), url
        assert "/*" not in inline_css(html), "comments stay in the source files"


def test_the_500_page_carries_the_same_stylesheet_without_a_request():
    # when: the error page renders as Django's server_error view renders it (no request, no context)
    html = render_to_string("500.html")
    # then: every layer travels inside it, as on the other pages, and none is linked
    assert not LINKED_STYLESHEET.search(html)
    layers = (":root {", ".site-header {", ".empty-state {", ".button {")
    assert all(rule in inline_css(html) for rule in layers)
