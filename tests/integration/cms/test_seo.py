"""SEO: canonical and hreflang alternates, sitemap.xml with every locale, robots.txt, JSON-LD that parses."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from cms_pages.core.models import SiteSettings
from tests.factories.pages import build_help_centre

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.django_db
def test_sitemap_lists_pages_of_every_locale_with_their_alternates(client, home_pages):
    # when
    response = client.get("/sitemap.xml")
    # then
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    tree = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    urls = tree.findall(f"{SITEMAP}url")
    locations = {url.find(f"{SITEMAP}loc").text: url for url in urls}
    assert {f"https://souk.example/{code}/" for code in ("fr", "en", "ar")} <= set(locations)
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in locations["https://souk.example/ar/"].findall(f"{XHTML}link")
    }
    assert alternates == {
        "fr": "https://souk.example/fr/",
        "en": "https://souk.example/en/",
        "ar": "https://souk.example/ar/",
        "x-default": "https://souk.example/fr/",
    }


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_hides_back_offices(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://souk.example/sitemap.xml" in text
    assert "Disallow: /cms/" in text and "Disallow: /fr/checkout/" in text


@pytest.mark.django_db
def test_home_page_has_canonical_hreflang_open_graph_and_organization(client, home_pages):
    # given: the site's contact settings
    settings_row = SiteSettings.for_site(home_pages["fr"].get_site())
    settings_row.contact_email = "bonjour@souk.example"
    settings_row.whatsapp_number = "21620000000"
    settings_row.save()
    # when
    html = client.get("/en/").content.decode()
    # then
    assert '<link rel="canonical" href="https://souk.example/en/">' in html
    for code in ("fr", "en", "ar"):
        assert f'<link rel="alternate" hreflang="{code}" href="https://souk.example/{code}/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="https://souk.example/fr/">' in html
    assert '<meta property="og:title" content="Welcome to the souk">' in html
    graph = json_ld(html)["@graph"]
    organization = next(node for node in graph if node["@type"] == "Organization")
    assert organization["contactPoint"]["email"] == "bonjour@souk.example"
    assert "https://wa.me/21620000000" in organization["sameAs"]
    assert not any(node["@type"] == "BreadcrumbList" for node in graph)


@pytest.mark.django_db
def test_help_article_json_ld_has_breadcrumbs_and_faq(client, fr_home):
    _centre, _category, article = build_help_centre(fr_home)

    graph = json_ld(client.get(article.url).content.decode())["@graph"]

    types = [node["@type"] for node in graph]
    assert types == ["Organization", "BreadcrumbList", "FAQPage"]
    crumbs = graph[1]["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == [
        fr_home.title,
        "Centre d'aide",
        "Livraison",
        "Délais de livraison",
    ]
    assert crumbs[-1]["item"] == "https://souk.example/fr/aide/livraison/delais/"
    questions = graph[2]["mainEntity"]
    assert [q["name"] for q in questions] == ["Quel délai ?", "Livrez-vous à Djerba ?"]
    assert questions[1]["acceptedAnswer"]["text"] == "Oui, bien sûr."


@pytest.mark.django_db
def test_json_ld_cannot_close_its_script_element(client, fr_home):
    from cms_pages.standard.models import StandardPage
    from tests.factories.pages import add_page

    page = add_page(fr_home, StandardPage, title="</script><script>alert(1)</script>", slug="xss")

    html = client.get(page.url).content.decode()

    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["@graph"][1]["itemListElement"][-1]["name"].startswith("</script>")
