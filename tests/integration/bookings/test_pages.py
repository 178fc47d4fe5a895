"""The booking pages: the week calendar, booking from it, my bookings, the provider's calendar and
availability editor, and the entries on the expert profile and the service page."""

from datetime import time
from zoneinfo import ZoneInfo

import pytest

from commerce.bookings import services
from commerce.bookings.models import Booking, DateOverride, WeeklyRule
from tests.factories.bookings import at, bookable_service, utc
from tests.factories.sellers import make_seller

pytestmark = pytest.mark.django_db


def test_the_expert_profile_leads_to_a_week_of_free_slots_in_the_visitors_zone(client, instant):
    expert, _calendar = instant

    profile = client.get(f"/fr/experts/{expert.slug}/")
    page = client.get(
        f"/ar/bookings/experts/{expert.slug}/", {"week": at(3, 0).date().isoformat(), "tz": "Europe/Paris"}
    )

    assert f"/fr/bookings/experts/{expert.slug}/" in profile.content.decode()
    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode()
    assert f'data-slot="{at(3, 9).astimezone(ZoneInfo("Europe/Paris")).isoformat()}"' in page.content.decode()


def test_a_signed_in_client_books_from_the_calendar_and_sees_it_in_my_bookings(
    client, client_user, on_request
):
    expert, _calendar = on_request
    client.force_login(client_user)

    response = client.post(
        f"/en/bookings/experts/{expert.slug}/", {"start": at(3, 10).isoformat(), "minutes": 20}
    )
    mine = client.get("/en/accounts/bookings/")

    assert response.status_code == 302 and response["Location"] == "/en/accounts/bookings/"
    booking = Booking.objects.get()
    assert (booking.status, booking.minutes, booking.coins) == ("pending", 20, 40)
    assert f'data-booking="{booking.pk}"' in mine.content.decode() and "/calendar/" in mine.content.decode()


def test_a_taken_slot_shows_the_reason_and_nearest_times(client, client_user, instant):
    expert, _calendar = instant
    client.force_login(client_user)
    client.post(f"/en/bookings/experts/{expert.slug}/", {"start": at(3, 10).isoformat(), "minutes": 10})

    again = client.post(
        f"/en/bookings/experts/{expert.slug}/", {"start": at(3, 10).isoformat(), "minutes": 10}, follow=True
    )

    assert "This slot was just taken" in again.content.decode()
    assert "Nearest free times" in again.content.decode()
    assert Booking.objects.count() == 1


def test_the_expert_confirms_from_the_calendar(client, client_user, on_request):
    expert, _calendar = on_request
    client.force_login(client_user)
    client.post(f"/en/bookings/experts/{expert.slug}/", {"start": at(3, 10).isoformat(), "minutes": 20})
    booking = Booking.objects.get()
    client.force_login(expert.user)

    calendar = client.get("/en/expert/bookings/")
    confirmed = client.post(
        f"/en/bookings/{booking.pk}/", {"action": "confirm", "next": "/en/expert/bookings/"}
    )

    assert f'data-booking="{booking.pk}"' in calendar.content.decode()
    assert confirmed["Location"] == "/en/expert/bookings/"
    assert Booking.objects.get().status == "confirmed"


def test_the_availability_editor_saves_hours_and_days_off_and_refuses_bad_hours(client, instant):
    expert, calendar = instant
    client.force_login(expert.user)

    bad = client.post("/fr/expert/availability/", {"part": "hours", "day_0": "9h à midi"})
    kept = WeeklyRule.objects.filter(provider=calendar).count()
    good = client.post("/fr/expert/availability/", {"part": "hours", "day_0": "09:00-12:00, 14:00-18:30"})
    off = client.post(
        "/fr/expert/availability/", {"part": "date", "date": at(5, 0).date().isoformat(), "hours": ""}
    )

    assert bad.status_code == 200 and kept == 7 and "09:00-12:00" in bad.content.decode()
    assert good.status_code == 302
    assert list(WeeklyRule.objects.filter(provider=calendar).values_list("weekday", "start", "end")) == [
        (0, time(9), time(12)),
        (0, time(14), time(18, 30)),
    ]
    assert off.status_code == 302 and DateOverride.objects.get(provider=calendar).start is None
    assert client.get("/ar/expert/availability/").status_code == 200


def test_a_service_page_offers_a_time_instead_of_the_basket(client, client_user):
    product, _calendar = bookable_service()
    client.force_login(client_user)

    page = client.get(product.get_absolute_url())
    chosen = client.post(f"/fr/bookings/services/{product.pk}/", {"start": at(3, 10).isoformat()})

    assert f"/bookings/services/{product.pk}/" in page.content.decode()
    assert 'id="add_to_basket_form"' not in page.content.decode()
    assert chosen.status_code == 302 and Booking.objects.get().status == "held"


def test_an_approved_expert_finds_the_calendar_from_the_expert_space(client, instant):
    expert, _calendar = instant
    client.force_login(expert.user)

    home = client.get("/fr/expert/").content.decode()

    assert "/fr/expert/bookings/" in home and "/fr/expert/availability/" in home


def test_an_answer_never_redirects_to_another_site(client, client_user, instant):
    expert, _calendar = instant
    client.force_login(client_user)
    client.post(f"/en/bookings/experts/{expert.slug}/", {"start": at(3, 10).isoformat(), "minutes": 10})

    response = client.post(
        f"/en/bookings/{Booking.objects.get().pk}/", {"action": "cancel", "next": "https://evil.example/"}
    )

    assert response["Location"] == "/en/accounts/bookings/"
    assert Booking.objects.get().status == "cancelled"


def test_a_seller_edits_the_shops_availability_and_no_other(client):
    product, calendar = bookable_service()
    _other, other_calendar = bookable_service("Hammam", shop="Hammam Sidi Bou")
    seller = make_seller(calendar.partner, "spa-owner@example.com")
    client.force_login(seller)

    dashboard = client.get("/dashboard/bookings/").content.decode()
    saved = client.post(
        f"/fr/expert/availability/?provider={calendar.pk}", {"part": "hours", "day_1": "10:00-12:00"}
    )
    refused = client.get(f"/fr/expert/availability/?provider={other_calendar.pk}")

    assert f"/fr/expert/availability/?provider={calendar.pk}" in dashboard
    assert saved.status_code == 302
    assert list(calendar.weekly_rules.values_list("weekday", flat=True)) == [1]
    assert refused.status_code == 404


def test_the_consultations_page_lists_the_clients_calls_beside_their_messages(client, client_user, instant):
    from commerce.bookings import services

    expert, _calendar = instant
    services.book_call(client_user, expert, at(2, 10), 10)
    client.force_login(client_user)

    page = client.get("/en/accounts/consultations/").content.decode()

    assert "Calls and appointments" in page and "Messages to experts" in page
    assert page.index("Messages to experts") < page.index("Calls and appointments")
    assert "Video call (10 min)" in page and str(expert.full_name) in page


def test_the_expert_proposes_times_of_a_day_they_choose(client, client_user, on_request):
    expert, _calendar = on_request
    booking = services.book_call(client_user, expert, at(3, 10), 30)
    far_day = at(12, 0).date()
    client.force_login(expert.user)

    page = client.get("/en/expert/bookings/", {"propose": booking.pk, "day": far_day.isoformat()})
    proposed = client.post(
        f"/en/bookings/{booking.pk}/",
        {"action": "propose", "start": [at(12, 15).isoformat(), at(12, 16, 30).isoformat()]},
    )

    html = page.content.decode()
    day_slots = html[html.index("data-day-slots") :].split("</fieldset>", 1)[0]
    assert utc(at(12, 9)).isoformat() in day_slots and utc(at(12, 16, 30)).isoformat() in day_slots
    assert day_slots.count('name="start"') == 16  # every half hour from 09:00 to 16:30
    assert proposed.status_code == 302
    booking.refresh_from_db()
    assert booking.proposals == [at(12, 15).isoformat(), at(12, 16, 30).isoformat()]
