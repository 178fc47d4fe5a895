"""Pages served from the page cache carry the same security headers as freshly rendered ones, and
their inline scripts the nonce of the Content-Security-Policy that comes with them."""

import re

import pytest
from django.test import Client
from django.utils import translation

from tests.factories.catalogue import product_for_sale

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)
HEADER_NONCE = re.compile(r"'nonce-([^']+)'")
SCRIPT_NONCES = re.compile(r'<script nonce="([^"]*)"')


def product_page_url():
    product, _record = product_for_sale("Tajine émaillé", "45.000", stock=20)
    with translation.override("fr"):
        return product.get_absolute_url()


@pytest.fixture(params=["home", "product"])
def cached_url(request, fr_home):
    return "/fr/" if request.param == "home" else product_page_url()


@pytest.mark.django_db
def test_a_cached_page_carries_the_same_security_headers_as_a_fresh_one(cached_url):
    # given: a first anonymous visitor has the page rendered and cached
    fresh = Client().get(cached_url)
    assert fresh["X-Page-Cache"] == "miss"

    # when: a second anonymous visitor gets it from the cache
    cached = Client().get(cached_url)

    # then: both responses carry every security header, with the same values apart from the nonce
    assert cached["X-Page-Cache"] == "hit"
    for header in SECURITY_HEADERS:
        assert header in fresh, header
        assert HEADER_NONCE.sub("", cached.get(header, "")) == HEADER_NONCE.sub("", fresh[header]), header


@pytest.mark.django_db
def test_inline_scripts_of_a_cached_page_carry_the_nonce_of_its_own_policy(cached_url):
    # given: the page is in the cache
    Client().get(cached_url)

    # when: two more visitors get it from the cache
    visits = [Client().get(cached_url) for _visitor in range(2)]

    # then: each visitor's inline scripts carry the nonce of their own header, a new one each time
    nonces = []
    for response in visits:
        header_nonces = HEADER_NONCE.findall(response["Content-Security-Policy"])
        script_nonces = set(SCRIPT_NONCES.findall(response.content.decode()))
        assert len(header_nonces) == 1
        assert script_nonces == set(header_nonces)
        nonces.append(header_nonces[0])
    assert nonces[0] != nonces[1]


@pytest.mark.django_db
def test_a_nonce_written_in_a_products_text_is_never_handed_a_visitors_nonce():
    # given: a seller's description carrying a script with a made-up nonce, its page in the cache
    product, _record = product_for_sale("Tajine piégé", "45.000", stock=20)
    product.description = '<p>Beau.</p><script nonce="made-up">alert(1)</script>'
    product.save()
    with translation.override("fr"):
        url = product.get_absolute_url()
    Client().get(url)

    # when: another visitor gets the page from the cache
    cached = Client().get(url)

    # then: the seller's script is not on the page (descriptions are cleaned when shown), and the
    # cached page never hands the seller's made-up nonce to the visitor
    assert cached["X-Page-Cache"] == "hit"
    [header_nonce] = HEADER_NONCE.findall(cached["Content-Security-Policy"])
    assert "alert(1)" not in cached.content.decode()
    assert "Beau." in cached.content.decode()
    assert header_nonce != "made-up"
