"""Every answer under /api/ is JSON: missing things are a 404 there (never a redirect to the shopper
site), bad input a 4xx, a bad token a 401 with its challenge, in the language the client asks for."""

import pytest
from django.test import RequestFactory
from django.urls import get_resolver


def assert_json(response, status):
    assert response.status_code == status, response.content[:200]
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/products/?page=999", "/api/products/0/", "/api/nowhere/"])
def test_a_missing_resource_is_a_json_404_not_a_language_redirect(anonymous_client, url):
    # when
    response = anonymous_client.get(url)
    # then
    assert "detail" in assert_json(response, 404)


@pytest.mark.django_db
def test_a_missing_order_is_a_json_404_for_its_customer(token_client):
    assert "detail" in assert_json(token_client.get("/api/orders/0/"), 404)


@pytest.mark.django_db
def test_a_method_an_endpoint_does_not_take_is_a_json_405(anonymous_client):
    assert "detail" in assert_json(anonymous_client.put("/api/basket/", {}, format="json"), 405)


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["patch", "delete"])
def test_a_guest_without_a_basket_changing_a_line_gets_a_404(anonymous_client, method):
    # given: a guest who never added anything (no basket saved)
    # when
    response = getattr(anonymous_client, method)("/api/basket/lines/1/", {"quantity": 2}, format="json")
    # then
    assert_json(response, 404)


@pytest.mark.django_db
def test_a_body_nested_deeper_than_python_can_parse_is_a_400(anonymous_client):
    # given: a JSON body nested 100,000 levels deep
    body = "[" * 100_000 + "]" * 100_000
    # when
    response = anonymous_client.post("/api/basket/lines/", body, content_type="application/json")
    # then
    assert "JSON" in assert_json(response, 400)["detail"]


@pytest.mark.django_db
def test_a_bad_token_is_a_401_with_its_challenge(anonymous_client):
    # given
    anonymous_client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    # when
    response = anonymous_client.get("/api/me/")
    # then
    assert_json(response, 401)
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.django_db
def test_the_api_answers_in_the_language_the_client_asks_for(anonymous_client):
    # when: the same refused call in Arabic, then in English
    arabic = anonymous_client.get("/api/orders/", HTTP_ACCEPT_LANGUAGE="ar")
    english = anonymous_client.get("/api/orders/", HTTP_ACCEPT_LANGUAGE="en")
    # then
    assert assert_json(arabic, 401)["detail"] == "لم يتم تزويد بيانات الدخول."
    assert arabic["Content-Language"] == "ar"
    assert assert_json(english, 401)["detail"] == "Authentication credentials were not provided."
    assert "Accept-Language" in english["Vary"]


def test_a_server_error_under_the_api_is_json_and_html_elsewhere():
    # given: the site's handler of server errors
    requests = RequestFactory()
    server_error = get_resolver().resolve_error_handler(500)
    # when
    api = server_error(requests.get("/api/basket/"))
    page = server_error(requests.get("/fr/basket/"))
    # then
    assert api.status_code == page.status_code == 500
    assert api["Content-Type"] == "application/json"
    assert page["Content-Type"].startswith("text/html")
