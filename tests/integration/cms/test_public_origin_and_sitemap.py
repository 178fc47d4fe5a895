"""Absolute links use one public origin; the sitemap lists products and shops and follows publishing."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.utils import timezone

from cms_pages.landing.models import LandingPage
from tests.factories.catalogue import product_for_sale
from tests.factories.pages import add_page, build_help_centre

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
PROXY_HOST = "127.0.0.1:8811"  # how a proxy or a developer reaches the site: not its public name


def sitemap(client):
    tree = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - the site's own sitemap
    return {
        url.find(f"{SITEMAP}loc").text: {
            "lastmod": getattr(url.find(f"{SITEMAP}lastmod"), "text", None),
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")},
        }
        for url in tree.findall(f"{SITEMAP}url")
    }


def absolute_links(html):
    """Every absolute address the <head> gives search engines and social networks."""
    head = html[: html.index("</head>")]
    links = re.findall(r'<link rel="(?:canonical|alternate)"[^>]* href="([^"]+)"', head)
    links += re.findall(r'<meta property="og:url" content="([^"]+)"', head)
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1)
    graph = json.loads(data)["@graph"]  # (its "@context" is schema.org's own address)
    return links + [text for text in strings(graph) if text.startswith(("http://", "https://"))]


def strings(node):
    if isinstance(node, dict):
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            yield from strings(item)
    elif isinstance(node, str):
        yield node


@pytest.mark.django_db
def test_canonical_hreflang_og_url_and_json_ld_use_the_public_origin(client, fr_home, public_origin):
    # given: a help article reached through a host that is not the public one
    _centre, _category, article = build_help_centre(fr_home)
    html = client.get(article.url, HTTP_HOST=PROXY_HOST).content.decode()
    # then: every absolute link of the head is on the public origin
    links = absolute_links(html)
    assert f'<link rel="canonical" href="{public_origin}/fr/aide/livraison/delais/">' in html
    assert f'<meta property="og:url" content="{public_origin}/fr/aide/livraison/delais/">' in html
    assert len(links) >= 4
    assert all(link.startswith(f"{public_origin}/") for link in links), links


@pytest.mark.django_db
def test_the_sitemap_lists_products_and_shops_in_every_language(client, home_pages, public_origin):
    # given: a public product sold by a shop, and a product that is not public
    product, _ = product_for_sale(title="Tajine", shop="Dar Fakhar")
    hidden, _ = product_for_sale(title="Prototype", shop="Atelier Caché")
    hidden.is_public = False
    hidden.save()
    shop_slug = product.stockrecords.get().partner.slug
    # when
    entries = sitemap(client)
    # then: the product and its shop are listed in the three languages, each naming the others
    for code in ("fr", "en", "ar"):
        product_url = next(url for url in entries if url.startswith(f"{public_origin}/{code}/catalogue/"))
        assert product_url.endswith(f"_{product.pk}/")
        assert set(entries[product_url]["alternates"]) == {"fr", "en", "ar", "x-default"}
        assert entries[product_url]["lastmod"]
        assert f"{public_origin}/{code}/shops/{shop_slug}/" in entries
    assert not any(f"_{hidden.pk}/" in url for url in entries)
    assert not any("atelier-cache" in url for url in entries)


@pytest.mark.django_db
def test_the_sitemap_follows_a_publish_at_once(client, fr_home, public_origin):
    # given: a sitemap already served once
    page = add_page(fr_home, LandingPage, title="Soldes", slug="soldes")
    url = f"{public_origin}/fr/soldes/"
    first = sitemap(client)[url]["lastmod"]
    # when: the page is published again, and a new page is published
    revision = page.save_revision()
    publish_time = timezone.now()
    revision.publish()
    add_page(fr_home, LandingPage, title="Ramadan", slug="ramadan")
    # then: the next sitemap has the new lastmod and the new page
    entries = sitemap(client)
    assert entries[url]["lastmod"] != first
    assert datetime.fromisoformat(entries[url]["lastmod"]) >= publish_time.replace(microsecond=0)
    assert f"{public_origin}/fr/ramadan/" in entries


@pytest.mark.django_db
def test_a_sitemap_longer_than_the_limit_becomes_an_index_of_parts(
    client, home_pages, public_origin, settings
):
    # given: more addresses than one file may hold (home page, product and its shop in 3 languages)
    product_for_sale(title="Tajine")[0]
    settings.CMS_SITEMAP_MAX_URLS = 4
    # when
    index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - the site's own sitemap
    # then: an index of three parts, on the public origin, which together list every address once
    parts = [node.text for node in index.iter(f"{SITEMAP}loc")]
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert parts == [f"{public_origin}/sitemap.xml?p={number}" for number in (1, 2, 3)]
    listed = []
    for number in (1, 2, 3):
        part = ET.fromstring(client.get("/sitemap.xml", {"p": number}).content)  # noqa: S314
        listed += [url.find(f"{SITEMAP}loc").text for url in part.findall(f"{SITEMAP}url")]
    assert len(listed) == len(set(listed)) == 9
    assert client.get("/sitemap.xml", {"p": 4}).status_code == 404
