"""What uncached pages remember between requests is forgotten as soon as an editor changes it.

View restrictions, translations (language switcher and hreflang), linked pages and testimonials are
kept in the cache so that an uncached page costs a constant few queries; each test changes one of
them after a first visit and checks the very next visit.
"""

import re

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from cms_pages.landing.models import LandingPage
from commerce.core import pagecache
from tests.factories.pages import add_page, stream

from .rich_pages import link, make_image, make_testimonial, rich_text_link, translated_landing


def hreflang(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)">', html))


def switcher(html):
    """{language: URL} of the language links in the footer."""
    return {code: url for url, code in re.findall(r'<a href="([^"]*)" hreflang="(\w+)" lang="\w+"', html)}


@pytest.fixture
def uncached(settings):
    settings.CMS_PAGE_CACHE_SECONDS = 0


@pytest.mark.django_db
@pytest.mark.parametrize("page_cache_seconds", [0, 600])
@pytest.mark.parametrize("on_ancestor", [False, True])
def test_a_view_restriction_added_after_a_visit_refuses_the_next_visitor(
    client, fr_home, settings, page_cache_seconds, on_ancestor
):
    # given: a page visited twice (its "no restriction" remembered, or the page itself cached)
    settings.CMS_PAGE_CACHE_SECONDS = page_cache_seconds
    page = add_page(fr_home, LandingPage, title="Espace vendeurs", slug="vendeurs")
    assert client.get(page.url).status_code == 200
    assert client.get(page.url).status_code == 200
    # when: the page, or the home page above it, is restricted to signed-in users
    restriction = PageViewRestriction.objects.create(
        page=fr_home if on_ancestor else page, restriction_type=PageViewRestriction.LOGIN
    )
    # then: the next anonymous visitor is sent to sign in
    refused = client.get(page.url)
    assert refused.status_code == 302
    assert "login" in refused["Location"]
    # and once the restriction is lifted, the page is served again
    restriction.delete()
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_a_password_restriction_asks_for_the_password(client, fr_home, uncached):
    page = add_page(fr_home, LandingPage, title="Avant-première", slug="avant-premiere")
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="souk-2026"
    )
    html = client.get(page.url).content.decode()
    assert 'name="password"' in html
    assert "Avant-première" not in html.split("<body", 1)[1]


@pytest.mark.django_db
def test_a_page_moved_under_a_restricted_page_is_refused_and_its_old_address_redirects(client, fr_home):
    # given: a public page, served once and in the page cache, and a restricted section
    section = add_page(fr_home, LandingPage, title="Espace vendeurs", slug="vendeurs")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    page = add_page(fr_home, LandingPage, title="Tarifs", slug="tarifs")
    old_url = page.url
    assert client.get(old_url).status_code == 200
    assert client.get(old_url)["X-Page-Cache"] == "hit"
    # when: an editor moves it into the restricted section
    page.move(section, pos="last-child")
    page.refresh_from_db()
    # then: its new address asks to sign in; the old one redirects there (not served from the page cache)
    assert page.url == "/fr/vendeurs/tarifs/"
    assert client.get(page.url).status_code == 302
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == page.url


@pytest.mark.django_db
def test_language_switcher_and_hreflang_follow_the_translation(client, fr_home, uncached):
    # given: a French page with an English translation
    french, english = translated_landing(fr_home)
    html = client.get(french.url).content.decode()
    assert switcher(html)["en"] == "/en/shops/"
    assert hreflang(html)["en"] == "https://souk.example/en/shops/"
    assert hreflang(html)["fr"] == hreflang(html)["x-default"] == "https://souk.example/fr/boutiques/"

    # when: the English slug changes
    english.slug = "our-shops"
    english.save_revision().publish()
    # then
    html = client.get(french.url).content.decode()
    assert switcher(html)["en"] == "/en/our-shops/"
    assert hreflang(html)["en"] == "https://souk.example/en/our-shops/"

    # when: the English page is restricted: still on the switcher, no longer offered to search engines
    restriction = PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(french.url).content.decode()
    assert switcher(html)["en"] == "/en/our-shops/"
    assert hreflang(html) == {}
    restriction.delete()

    # when: the English page is unpublished
    english.unpublish()
    html = client.get(french.url).content.decode()
    assert switcher(html)["en"] != "/en/our-shops/"
    assert hreflang(html) == {}


@pytest.mark.django_db
def test_links_to_pages_follow_the_linked_page_and_its_translation(client, home_pages, uncached):
    # given: the English home links (a button and a link in rich text) to a French page translated in English
    french, english = translated_landing(home_pages["fr"])
    home = home_pages["en"]
    home.body = stream(
        ("cta", {"title": "Come in", "button": link(french), "style": "primary"}),
        ("paragraph", rich_text_link(french, "our shops")),
    )
    home.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert html.count('href="/en/shops/"') == 2
    assert "Our shops" in html  # the button's text is the translation's title

    # when: the translation is renamed
    english.title, english.slug = "The makers", "makers"
    english.save_revision().publish()
    # then
    html = client.get("/en/").content.decode()
    assert html.count('href="/en/makers/"') == 2
    assert "The makers" in html

    # when: the translation is unpublished, the links fall back to the French page
    english.unpublish()
    html = client.get("/en/").content.decode()
    assert html.count('href="/fr/boutiques/"') == 2
    assert "Nos boutiques" in html


@pytest.mark.django_db
def test_testimonials_show_their_edits_and_lose_a_deleted_photo(client, fr_home, uncached):
    # given: a page quoting a testimonial with a photo
    photo = make_image("leila")
    testimonial = make_testimonial("fr", "Très beau tajine", photo=photo)
    page = add_page(
        fr_home,
        LandingPage,
        title="Avis",
        slug="avis",
        body=stream(("testimonials", {"title": "", "testimonials": [testimonial.pk]})),
    )
    html = client.get(page.url).content.decode()
    assert "Très beau tajine" in html and 'class="cms-testimonial__photo"' in html

    # when: the quote is edited
    testimonial.quote = "Livraison rapide"
    testimonial.save()
    # then
    html = client.get(page.url).content.decode()
    assert "Livraison rapide" in html and "Très beau tajine" not in html

    # when: the photo is deleted from the image library
    photo.delete()
    # then
    html = client.get(page.url).content.decode()
    assert "Livraison rapide" in html and 'class="cms-testimonial__photo"' not in html


@pytest.mark.django_db
def test_a_lost_tag_version_never_revives_an_older_entry():
    computed = []

    def compute():
        computed.append(len(computed) + 1)
        return computed[-1]

    assert pagecache.remember("cms:test-entry", ["test-tag"], compute) == 1
    assert pagecache.remember("cms:test-entry", ["test-tag"], compute) == 1
    pagecache.invalidate("test-tag")
    assert pagecache.remember("cms:test-entry", ["test-tag"], compute) == 2
    # the tag's version is evicted from the cache: a fresh one is started, never an older one reused
    cache.delete(pagecache._tag_key("test-tag"))
    assert pagecache.remember("cms:test-entry", ["test-tag"], compute) == 3
