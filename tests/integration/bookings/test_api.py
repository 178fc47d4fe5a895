"""The bookings API's contracts: slots, booking (201, 402, 409), list, cancel, confirm, decline,
and a Paris client booking a Tunis expert across a daylight-saving change."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from commerce.bookings.models import Booking
from tests.factories import make_user
from tests.factories.bookings import TUNIS, at, bookable_service, next_dst_change
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def api(client, client_user):
    client.force_login(client_user)
    return client


def test_expert_slots_are_listed_in_the_viewers_time_zone(client, instant):
    expert, calendar = instant
    day = at(3, 0).date()

    response = client.get(
        f"/api/experts/{expert.slug}/slots/", {"start": day.isoformat(), "days": 1, "minutes": 30}
    )

    assert response.status_code == 200
    slots = response.json()
    assert slots[0] == {"start": at(3, 9).isoformat(), "end": at(3, 9, 30).isoformat()}
    assert slots[-1]["start"] == at(3, 16, 30).isoformat() and len(slots) == 16


def test_a_paris_client_books_a_tunis_expert_across_a_daylight_saving_change(api, instant, client_user):
    expert, _calendar = instant
    change = next_dst_change(PARIS)
    before, after = change - timedelta(days=1), change + timedelta(days=1)

    def first_slot(day):
        answer = api.get(
            f"/api/experts/{expert.slug}/slots/", {"start": day.isoformat(), "days": 1, "tz": "Europe/Paris"}
        )
        return datetime.fromisoformat(answer.json()[0]["start"])

    start_before, start_after = first_slot(before), first_slot(after)
    # The expert opens at 09:00 Tunis time on both days; Paris sees it move by the hour it changed.
    assert start_before.astimezone(TUNIS).hour == start_after.astimezone(TUNIS).hour == 9
    assert {start_before.hour, start_after.hour} == {9, 10}
    assert start_before.utcoffset() != start_after.utcoffset()

    response = api.post(
        "/api/bookings/",
        {"expert": expert.slug, "start": start_after.isoformat(), "minutes": 30},
        content_type="application/json",
    )

    assert response.status_code == 201, response.content
    booking = Booking.objects.get(pk=response.json()["id"])
    assert booking.start == start_after  # the same instant for both
    assert booking.start.astimezone(TUNIS).hour == 9


def test_booking_answers_201_then_409_with_alternatives_then_402(api, instant):
    expert, _calendar = instant
    body = {"expert": expert.slug, "start": at(3, 10).isoformat(), "minutes": 30}

    created = api.post("/api/bookings/", body, content_type="application/json")
    taken = api.post("/api/bookings/", body, content_type="application/json")
    poor = make_user("poor@example.com")
    wallet_with(poor, 1)
    api.force_login(poor)
    broke = api.post(
        "/api/bookings/", {**body, "start": at(3, 12).isoformat()}, content_type="application/json"
    )

    assert created.status_code == 201 and created.json() == {
        "id": created.json()["id"],
        "status": "confirmed",
    }
    assert taken.status_code == 409 and taken.json()["detail"] and len(taken.json()["alternatives"]) == 3
    assert broke.status_code == 402 and broke.json()["detail"]
    assert Booking.objects.count() == 1


def test_a_service_booking_holds_the_slot_and_fills_the_basket(api):
    product, _calendar = bookable_service()

    response = api.post(
        "/api/bookings/",
        {"product": product.pk, "start": at(3, 10).isoformat()},
        content_type="application/json",
    )
    slots = api.get(f"/api/products/{product.pk}/slots/", {"start": at(3, 0).date().isoformat(), "days": 1})

    assert response.status_code == 201 and response.json()["status"] == "held"
    assert api.get("/api/basket/").json()["lines"][0]["product"] == product.pk
    assert at(3, 10).isoformat() not in [slot["start"] for slot in slots.json()]


def test_bad_requests_are_400_and_write_nothing(api, instant):
    expert, _calendar = instant

    both = api.post(
        "/api/bookings/",
        {"expert": expert.slug, "product": 1, "start": at(3, 10).isoformat(), "minutes": 30},
        content_type="application/json",
    )
    closed = api.post(
        "/api/bookings/",
        {"expert": expert.slug, "start": at(3, 22).isoformat(), "minutes": 30},
        content_type="application/json",
    )
    bad_days = api.get(f"/api/experts/{expert.slug}/slots/", {"days": 90})

    assert (both.status_code, closed.status_code, bad_days.status_code) == (400, 400, 400)
    assert not Booking.objects.exists()


def test_list_cancel_confirm_decline(api, client, client_user, on_request):
    expert, _calendar = on_request
    first = api.post(
        "/api/bookings/",
        {"expert": expert.slug, "start": at(3, 10).isoformat(), "minutes": 30},
        content_type="application/json",
    ).json()
    second = api.post(
        "/api/bookings/",
        {"expert": expert.slug, "start": at(3, 11).isoformat(), "minutes": 30},
        content_type="application/json",
    ).json()
    third = api.post(
        "/api/bookings/",
        {"expert": expert.slug, "start": at(3, 12).isoformat(), "minutes": 30},
        content_type="application/json",
    ).json()

    listed = api.get("/api/bookings/").json()
    refused = api.post(f"/api/bookings/{first['id']}/confirm/")
    cancelled = api.post(
        f"/api/bookings/{third['id']}/cancel/", {"reason": "Plus besoin"}, content_type="application/json"
    )
    client.force_login(expert.user)
    confirmed = client.post(f"/api/bookings/{first['id']}/confirm/")
    declined = client.post(
        f"/api/bookings/{second['id']}/decline/", {"reason": "Absent"}, content_type="application/json"
    )
    again = client.post(f"/api/bookings/{second['id']}/decline/")
    stranger = make_user("stranger@example.com")
    client.force_login(stranger)
    hidden = client.post(f"/api/bookings/{first['id']}/cancel/")

    assert [row["status"] for row in listed["results"]] == ["pending"] * 3
    assert refused.status_code == 403
    assert cancelled.json() == {"id": third["id"], "status": "cancelled"}
    assert confirmed.json() == {"id": first["id"], "status": "confirmed"}
    assert declined.json() == {"id": second["id"], "status": "cancelled"}
    assert again.status_code == 409
    assert hidden.status_code == 404


def test_the_schema_documents_the_bookings_api(client):
    schema = client.get("/api/schema/").content.decode()

    for path in (
        "/api/experts/{slug}/slots/",
        "/api/products/{id}/slots/",
        "/api/bookings/",
        "/api/bookings/{id}/cancel/",
    ):
        assert path in schema
    assert "'402'" in schema or '"402"' in schema
