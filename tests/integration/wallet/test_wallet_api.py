"""``GET /api/wallet/`` and ``GET /api/wallet/entries/``: the contracts of issue 13, the schema."""

import pytest
import yaml
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from commerce.wallet import services
from tests.factories import make_user


@pytest.fixture
def api(shopper):
    client = APIClient()
    client.force_authenticate(shopper)
    return client


def test_the_wallet_answers_coins_held_coins_and_the_coin_value(api, shopper):
    # given: 30 coins bought, 10 of them on hold
    services.credit_coins(shopper, 30, source="cash_in", key="pack-1", memo="Pack 30")
    services.hold(shopper, 10, reference="Question", key="question-1")
    # when
    response = api.get("/api/wallet/")
    # then: exactly the contract
    assert response.status_code == 200
    assert response.json() == {"coins": 20, "held_coins": 10, "coin_value": "0.500", "currency": "TND"}


def test_a_user_without_a_wallet_has_zero_coins(api):
    assert api.get("/api/wallet/").json() == {
        "coins": 0,
        "held_coins": 0,
        "coin_value": "0.500",
        "currency": "TND",
    }


@pytest.mark.parametrize("path", ["/api/wallet/", "/api/wallet/entries/"])
def test_anonymous_callers_are_refused(anonymous_client, db, path):
    response = anonymous_client.get(path)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_token_reads_its_own_wallet(client, shopper):
    services.credit_coins(shopper, 8, source="cash_in", key="pack-1", memo="Pack 8")
    client.force_login(shopper)
    token = client.post("/api/auth/token/").json()["token"]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/wallet/").json()["coins"] == 8


@pytest.mark.parametrize(
    ("active", "key", "detail"),
    [(True, "not-a-token", "Invalid token."), (False, None, "User inactive or deleted.")],
)
def test_a_bad_token_or_an_inactive_users_token_is_refused(db, active, key, detail):
    user = make_user(email="sami@example.com", is_active=active)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key or Token.objects.create(user=user).key}")
    response = api.get("/api/wallet/")
    assert response.status_code == 401
    with translation.override(response["Content-Language"]):  # DRF's own message, translated
        assert response.json() == {"detail": translation.gettext(detail)}


def test_entries_are_the_callers_history_newest_first_and_paginated(api, shopper):
    # given: 30 movements of the shopper, and another shopper's
    for number in range(30):
        services.credit_coins(shopper, 1, source="cash_in", key=f"pack-{number}", memo=f"Pack {number}")
    services.credit_coins(
        make_user(email="sami@example.com"), 99, source="cash_in", key="other", memo="Other"
    )
    # when
    first = api.get("/api/wallet/entries/").json()
    second = api.get("/api/wallet/entries/", {"page": 2}).json()
    # then: 24 a page (the API's page size), 30 in all, none of the other shopper's
    assert first["count"] == 30
    assert len(first["results"]) == 24 and len(second["results"]) == 6
    newest = first["results"][0]
    assert newest["kind"] == "cash_in" and newest["coins"] == 1
    assert set(newest) == {"id", "created_at", "kind", "kind_label", "reference", "coins"}
    assert all(entry["coins"] != 99 for entry in first["results"] + second["results"])


def test_entries_filter_by_kind_and_say_what_is_wrong_with_a_filter(api, shopper):
    services.credit_coins(shopper, 30, source="cash_in", key="pack-1", memo="Pack 30")
    hold = services.hold(shopper, 10, reference="Question", key="question-1")
    services.void(hold)

    kinds = [entry["kind"] for entry in api.get("/api/wallet/entries/", {"kind": "hold"}).json()["results"]]
    assert kinds == ["hold"]
    granted = services.grant_goodwill(shopper, 5, reason="Appel coupé", granted_by=None)
    goodwill = api.get("/api/wallet/entries/", {"kind": "goodwill"}).json()["results"]
    assert [(entry["id"], entry["reference"], entry["coins"]) for entry in goodwill] == [
        (granted.entries.get(amount__gt=0).pk, "Appel coupé", 5)
    ]
    assert api.get("/api/wallet/entries/", {"kind": "hold"}).json()["results"][0]["coins"] == -10

    refused = api.get("/api/wallet/entries/", {"kind": "bitcoin"})
    assert refused.status_code == 400
    assert "kind" in refused.json()


@pytest.mark.django_db
def test_the_schema_documents_the_wallet_operations(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    wallet = schema["paths"]["/api/wallet/"]["get"]
    body = wallet["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert set(schema["components"]["schemas"][body]["properties"]) == {
        "coins",
        "held_coins",
        "coin_value",
        "currency",
    }
    assert "401" in wallet["responses"]
    entries = schema["paths"]["/api/wallet/entries/"]["get"]
    assert {"200", "400", "401"} <= set(entries["responses"])
    assert {parameter["name"] for parameter in entries["parameters"]} >= {"page", "kind", "since", "until"}
    page = entries["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert {"count", "next", "previous", "results"} <= set(
        schema["components"]["schemas"][page]["properties"]
    )
