"""``GET /api/experts/`` and ``GET /api/experts/<slug>/``: the contract, the filters, the schema."""

import pytest
import yaml

from commerce.experts import services
from tests.factories import make_user
from tests.factories.experts import make_application, make_domain, make_expert

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return make_user("admin@example.com", is_staff=True, is_superuser=True)


def slugs(response):
    assert response.status_code == 200, response.content
    return {expert["slug"] for expert in response.json()["results"]}


def test_the_list_holds_listed_experts_with_their_prices(anonymous_client, admin):
    expert = make_expert(admin=admin, video_price=None)
    make_application("amel@example.com", "Amel En Attente")
    body = anonymous_client.get("/api/experts/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["count"] == 1
    [data] = body["results"]
    assert data["slug"] == expert.slug and data["full_name"] == "Nour Haddad"
    assert data["url"].endswith(f"/en/experts/{expert.slug}/")
    assert data["domains"] == [{"slug": "finance", "name": "Finance"}]
    assert data["services"] == ["text", "call"] and data["verified"] is True
    assert data["prices"] == {"text": 10, "video": None, "call_per_minute": 3, "call_minimum_minutes": 10}


def test_filters_domain_language_service_and_max_price(anonymous_client, admin):
    law = make_domain("law", "Droit")
    cheap = make_expert("a@example.com", "Alia", admin=admin, text_price=5, languages=["fr"])
    lawyer = make_expert("b@example.com", "Bilel", admin=admin, text_price=40, video_price=None)
    services.update_profile(lawyer, domains=[law], languages=["ar"])
    caller = make_expert(
        "c@example.com", "Chokri", admin=admin, text_price=None, call_price_per_minute=2, languages=["fr"]
    )

    def get(query):
        return slugs(anonymous_client.get(f"/api/experts/?{query}"))

    assert get("domain=law") == {lawyer.slug}
    assert get("language=ar") == {lawyer.slug}
    assert get("service=text") == {cheap.slug, lawyer.slug}
    assert get("service=video") == {cheap.slug, caller.slug}
    assert get("service=text&max_price=10") == {cheap.slug}
    assert get("max_price=2") == {caller.slug}


@pytest.mark.parametrize("query", ["service=chat", "max_price=-1", "max_price=cheap", "language=xx"])
def test_an_invalid_filter_is_a_400(anonymous_client, query):
    response = anonymous_client.get(f"/api/experts/?{query}")
    assert response.status_code == 400
    assert set(response.json()) & {"service", "max_price", "language"}


def test_the_detail_has_the_bio_in_the_asked_language(anonymous_client, admin):
    expert = make_expert(admin=admin, bio_ar="مستشارة في المالية")
    data = anonymous_client.get(f"/api/experts/{expert.slug}/", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert data["bio"] == "مستشارة في المالية" and data["booking_mode"] == "on_request"
    assert "rib" not in str(data).lower() and "cin" not in data


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected", "changes_requested"])
def test_an_expert_not_approved_is_a_404(anonymous_client, admin, status):
    profile = make_application(submitted=status != "draft")
    if status == "rejected":
        services.reject(profile, by=admin, reason="Non")
    elif status == "changes_requested":
        services.request_changes(profile, by=admin, reason="Photo")
    assert anonymous_client.get(f"/api/experts/{profile.slug}/").status_code == 404
    assert anonymous_client.get("/api/experts/nobody/").status_code == 404


def test_both_endpoints_are_in_the_schema(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    listing = schema["paths"]["/api/experts/"]["get"]
    assert {"domain", "language", "service", "max_price"} <= {p["name"] for p in listing["parameters"]}
    service = next(p for p in listing["parameters"] if p["name"] == "service")
    assert service["schema"]["enum"] == ["text", "video", "call"]
    detail = schema["paths"]["/api/experts/{slug}/"]["get"]
    assert {"200", "404"} <= set(detail["responses"])
