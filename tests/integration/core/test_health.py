import pytest


@pytest.mark.django_db
def test_health_reports_every_component_ok_against_real_services(client):
    # when
    response = client.get("/health/")
    # then
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ok", body
    assert set(body["checks"]) == {"database", "cache", "broker", "search"}
    assert body["checks"]["database"]["detail"] == "postgresql"
    assert body["checks"]["cache"]["detail"].endswith("RedisCache")
    assert body["checks"]["broker"]["detail"] == "redis"
    assert "opensearch" in body["checks"]["search"]["detail"]
