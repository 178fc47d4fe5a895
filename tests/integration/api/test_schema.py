"""The REST API documents itself: a valid OpenAPI 3 schema and browsable docs."""

import pytest
import yaml
from openapi_spec_validator import validate


@pytest.mark.django_db
def test_openapi_schema_validates(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate(schema)
    assert "/api/me/" in schema["paths"]


@pytest.mark.django_db
def test_every_operation_documents_its_language_and_the_shared_answers(client):
    # when
    schema = yaml.safe_load(client.get("/api/schema/").content)
    operations = [operation for path in schema["paths"].values() for operation in path.values()]
    # then
    for operation in operations:
        headers = {parameter["name"] for parameter in operation["parameters"] if parameter["in"] == "header"}
        assert "Accept-Language" in headers, operation["operationId"]
        assert {"401", "429"} <= set(operation["responses"]), operation["operationId"]
        assert "WWW-Authenticate" in operation["responses"]["401"]["headers"]


@pytest.mark.django_db
def test_api_docs_are_served_without_outside_assets(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui" in page
    assert "cdn.jsdelivr.net" not in page


@pytest.mark.django_db
def test_me_answers_the_signed_in_user_and_refuses_anonymous(client, user_in_role):
    assert client.get("/api/me/").status_code == 401
    user = user_in_role("Sellers", email="api@example.com")
    client.force_login(user)
    body = client.get("/api/me/", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert body["email"] == "api@example.com"
    assert body["roles"] == ["Sellers"]
