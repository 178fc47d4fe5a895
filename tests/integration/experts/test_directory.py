"""The public directory and profiles: filters, a flat number of queries, SEO, the page cache, the
sitemap and the CMS expert cards."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commerce.experts import services
from tests.factories import make_user
from tests.factories.experts import make_domain, make_expert

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return make_user("admin@example.com", is_staff=True, is_superuser=True)


def experts_named(html):
    return set(re.findall(r'class="expert-card__name">([^<]+)<', html))


def test_filters_by_domain_language_service_and_price(client, admin):
    law = make_domain("law", "Droit")
    make_expert("a@example.com", "Alia Finance", admin=admin, text_price=10, languages=["fr"])
    lawyer = make_expert("b@example.com", "Bilel Droit", admin=admin, text_price=30, video_price=None)
    services.update_profile(lawyer, domains=[law], languages=["ar"])
    make_expert(
        "c@example.com",
        "Chokri Appels",
        admin=admin,
        text_price=None,
        call_price_per_minute=2,
        languages=["fr"],
    )

    def names(query):
        return experts_named(client.get(f"/fr/experts/?{query}").content.decode())

    assert names("") == {"Alia Finance", "Bilel Droit", "Chokri Appels"}
    assert names("domain=law") == {"Bilel Droit"}
    assert names("language=ar") == {"Bilel Droit"}
    assert names("service=text") == {"Alia Finance", "Bilel Droit"}
    assert names("service=text&text_price=10-25") == {"Alia Finance"}
    assert names("service=video") == {"Alia Finance", "Chokri Appels"}
    assert names("text_price=25-50") == {"Bilel Droit"}


def test_the_directory_costs_the_same_queries_with_more_experts(client, admin):
    make_expert("one@example.com", "Expert Un", admin=admin)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/experts/?service=text").status_code == 200
        return len(captured)

    few = queries()
    for number in range(6):
        expert = make_expert(f"e{number}@example.com", f"Expert {number}", admin=admin)
        domain = make_domain(f"d{number}", f"Domaine {number}")
        services.update_profile(expert, domains=[domain, make_domain()])
    assert queries() == few


def test_a_profile_has_its_title_hreflang_and_a_person_in_json_ld(client, admin, settings):
    expert = make_expert(admin=admin)
    html = client.get(f"/en/experts/{expert.slug}/").content.decode()
    assert "<title>Nour Haddad, expert in Finance" in html
    origin = settings.SITE_URL.rstrip("/")
    for language in ("fr", "en", "ar"):
        assert f'hreflang="{language}" href="{origin}/{language}/experts/{expert.slug}/"' in html
    assert f'hreflang="x-default" href="{origin}/fr/experts/{expert.slug}/"' in html
    assert f'<link rel="canonical" href="{origin}/en/experts/{expert.slug}/">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', html, re.S).group(1))
    assert data["@type"] == "Person" and data["name"] == "Nour Haddad" and data["knowsAbout"] == ["Finance"]


def test_a_profile_reads_right_to_left_in_arabic(client, admin):
    expert = make_expert(admin=admin, bio_ar="مستشارة في المالية")
    html = client.get(f"/ar/experts/{expert.slug}/").content.decode()
    assert 'dir="rtl"' in html and "مستشارة في المالية" in html


def test_a_private_profile_is_neither_listed_nor_reachable(client, admin):
    expert = make_expert(admin=admin)
    services.update_profile(expert, is_public=False)
    assert client.get(f"/fr/experts/{expert.slug}/").status_code == 404
    assert "Nour Haddad" not in client.get("/fr/experts/").content.decode()


def test_a_cached_profile_changes_as_soon_as_the_expert_edits_it(client, admin, settings):
    expert = make_expert(admin=admin, text_price=10)
    url = f"/fr/experts/{expert.slug}/"
    assert "10 coins" in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    services.update_profile(expert, text_price=14)
    assert "14 coins" in client.get(url).content.decode()


def test_listed_experts_are_in_the_sitemap_in_every_language(client, admin, home_pages):
    expert = make_expert(admin=admin)
    pending_name = "amel-en-attente"
    xml = client.get("/sitemap.xml").content.decode()
    for language in ("fr", "en", "ar"):
        assert f"/{language}/experts/{expert.slug}/</loc>" in xml
        assert f"/{language}/experts/</loc>" in xml
    assert pending_name not in xml


def test_a_domain_renamed_in_the_admin_shows_at_once_on_cached_profiles(client, admin):
    expert = make_expert(admin=admin)
    url = f"/en/experts/{expert.slug}/"
    assert "Finance" in client.get(url).content.decode()
    domain = make_domain()
    domain.name_en = "Money matters"
    domain.save()
    assert "Money matters" in client.get(url).content.decode()
