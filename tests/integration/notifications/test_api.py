"""``GET /api/notifications/`` and ``POST /api/notifications/<id>/read/``: one's own, documented."""

import pytest
import yaml
from rest_framework.test import APIClient

from commerce.notifications import notify
from tests.factories import make_user


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.django_db
def test_the_list_is_the_callers_own_newest_first_and_paginated(api, parcel_event):
    # given: two people with notifications
    amira = make_user("amira@example.com")
    other = make_user("other@example.com")
    for number in range(30):
        notify(amira, "test.parcel", {"number": str(number), "url": "/fr/"})
    notify(other, "test.parcel", {"number": "secret"})
    api.force_authenticate(amira)
    # when
    first = api.get("/api/notifications/").json()
    second = api.get(first["next"]).json()
    # then
    assert first["count"] == 30
    titles = [item["title"] for item in first["results"] + second["results"]]
    assert len(titles) == 30 and not any("secret" in title for title in titles)
    assert "29" in titles[0]
    item = first["results"][0]
    fields = {"id", "event", "title", "body", "url", "created_at", "read_at", "is_read", "archived"}
    assert set(item) == fields
    assert item["is_read"] is False and item["url"].startswith("http")


@pytest.mark.django_db
def test_marking_read_is_for_ones_own_notifications_only(api, parcel_event):
    amira = make_user("amira@example.com")
    other = make_user("other@example.com")
    mine = notify(amira, "test.parcel", {"number": "1"})
    theirs = notify(other, "test.parcel", {"number": "2"})
    api.force_authenticate(amira)
    # when: reading one's own, twice
    first = api.post(f"/api/notifications/{mine.pk}/read/")
    again = api.post(f"/api/notifications/{mine.pk}/read/")
    # then
    assert first.status_code == 200 and first.json()["is_read"] is True
    assert again.json()["read_at"] == first.json()["read_at"]
    # when: someone else's, or one that does not exist
    assert api.post(f"/api/notifications/{theirs.pk}/read/").status_code == 404
    assert api.post("/api/notifications/999999/read/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert api.get("/api/notifications/", {"show": "unread"}).json()["count"] == 0


@pytest.mark.django_db
def test_anonymous_callers_are_refused(api, parcel_event):
    notification = notify(make_user("amira@example.com"), "test.parcel", {"number": "1"})
    assert api.get("/api/notifications/").status_code == 401
    assert api.post(f"/api/notifications/{notification.pk}/read/").status_code == 401


@pytest.mark.django_db
def test_both_endpoints_are_in_the_openapi_schema(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    assert "get" in schema["paths"]["/api/notifications/"]
    read = schema["paths"]["/api/notifications/{id}/read/"]["post"]
    assert {"200", "404"} <= set(read["responses"])
