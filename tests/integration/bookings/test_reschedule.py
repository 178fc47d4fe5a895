"""Rescheduling: the API's contract (200, 409 taken with alternatives, 409 too late), the coins held
again for a new length (never lost nor created), the provider told, and two moves racing for one
slot."""

import pytest
import yaml

from commerce.bookings import services
from commerce.bookings.exceptions import SlotTaken
from commerce.bookings.models import Booking
from commerce.notifications.models import Notification
from commerce.wallet.models import Hold
from commerce.wallet.selectors import available_coins, reconcile
from tests.factories import make_user
from tests.factories.bookings import at, bookable_expert
from tests.factories.wallet import run_together, wallet_with


def _move(client, booking, start, **extra):
    return client.post(
        f"/api/bookings/{booking.pk}/reschedule/",
        {"start": start.isoformat(), **extra},
        content_type="application/json",
    )


@pytest.mark.django_db
def test_the_client_moves_a_call_and_the_expert_is_told(
    client, client_user, instant, django_capture_on_commit_callbacks
):
    expert, _calendar = instant
    booking = services.book_call(client_user, expert, at(3, 10), 30)
    other = services.book_call(make_client("other@example.com"), expert, at(3, 14), 30)
    client.force_login(client_user)

    with django_capture_on_commit_callbacks(execute=True):
        moved = _move(client, booking, at(4, 11))
    taken = _move(client, booking, at(3, 14))

    assert moved.status_code == 200, moved.content
    assert moved.json() == {"id": booking.pk, "status": "confirmed", "start": at(4, 11).isoformat()}
    booking.refresh_from_db()
    assert booking.start == at(4, 11) and booking.end == at(4, 11, 30)
    assert booking.reminders.get(kind="24h").due_at == at(3, 11)
    assert Notification.objects.filter(recipient=expert.user, event="bookings.changed").exists()
    assert taken.status_code == 409
    assert taken.json()["detail"] and taken.json()["alternatives"]
    assert Booking.objects.get(pk=other.pk).start == at(3, 14)


@pytest.mark.django_db
def test_a_longer_call_holds_the_extra_coins_and_a_shorter_one_gives_them_back(client, client_user, instant):
    expert, _calendar = instant  # 2 coins a minute; the client has 500
    booking = services.book_call(client_user, expert, at(3, 10), 30)
    first_hold = booking.coin_hold
    client.force_login(client_user)

    longer = _move(client, booking, at(3, 11), minutes=60)
    booking.refresh_from_db()
    after_longer = available_coins(client_user)
    shorter = _move(client, booking, at(3, 11), minutes=15)
    booking.refresh_from_db()

    assert longer.status_code == shorter.status_code == 200
    assert after_longer == 500 - 120
    assert (booking.coins, booking.coin_hold.coins, booking.coin_hold.status) == (30, 30, Hold.Status.PENDING)
    assert available_coins(client_user) == 500 - 30
    first_hold.refresh_from_db()
    assert first_hold.status == Hold.Status.VOIDED
    assert booking.coin_hold.expires_at > booking.end
    assert Hold.objects.filter(status=Hold.Status.PENDING).count() == 1
    assert reconcile().ok


@pytest.mark.django_db
def test_a_move_the_client_cannot_pay_changes_nothing(client, instant):
    expert, _calendar = instant
    poor = make_client("poor@example.com", coins=60)
    booking = services.book_call(poor, expert, at(3, 10), 30)
    client.force_login(poor)

    response = _move(client, booking, at(3, 12), minutes=45)

    assert response.status_code == 402
    booking.refresh_from_db()
    assert (booking.start, booking.coins) == (at(3, 10), 60)
    assert booking.coin_hold.status == Hold.Status.PENDING
    assert reconcile().ok


@pytest.mark.django_db
def test_the_client_cannot_move_inside_the_late_window_but_the_provider_can(
    client, client_user, instant, django_capture_on_commit_callbacks
):
    expert, calendar = instant
    calendar.free_cancellation_hours = 48
    calendar.save()
    booking = services.book_call(client_user, expert, at(1, 10), 30)
    client.force_login(client_user)

    refused = _move(client, booking, at(1, 12))
    client.force_login(expert.user)
    with django_capture_on_commit_callbacks(execute=True):
        by_provider = _move(client, booking, at(1, 12))

    assert refused.status_code == 409
    assert "48" in refused.json()["detail"]
    assert by_provider.status_code == 200
    assert Notification.objects.filter(recipient=client_user, event="bookings.changed").exists()


@pytest.mark.django_db
def test_strangers_and_closed_times_are_refused(client, client_user, instant):
    expert, _calendar = instant
    booking = services.book_call(client_user, expert, at(3, 10), 30)
    client.force_login(make_user("stranger@example.com"))
    stranger = _move(client, booking, at(3, 12))
    client.force_login(client_user)
    closed = _move(client, booking, at(3, 22))

    assert stranger.status_code == 404
    assert closed.status_code == 400
    assert Booking.objects.get(pk=booking.pk).start == at(3, 10)


@pytest.mark.django_db
def test_the_reschedule_page_offers_the_week_and_moves_the_booking(client, client_user, instant):
    expert, _calendar = instant
    booking = services.book_call(client_user, expert, at(3, 10), 30)
    client.force_login(client_user)

    listing = client.get("/fr/accounts/bookings/")
    page = client.get(
        f"/fr/accounts/bookings/{booking.pk}/reschedule/", {"week": at(3, 0).date().isoformat()}
    )
    posted = client.post(f"/fr/accounts/bookings/{booking.pk}/reschedule/", {"start": at(3, 15).isoformat()})

    assert f"/fr/accounts/bookings/{booking.pk}/reschedule/" in listing.content.decode()
    assert page.status_code == 200
    assert at(3, 10).isoformat() in page.content.decode()  # its own time stays offered
    assert posted.status_code == 302
    assert Booking.objects.get(pk=booking.pk).start == at(3, 15)


@pytest.mark.django_db(transaction=True)
def test_two_bookings_moved_onto_one_slot_at_once_exactly_one_moves():
    expert, _calendar = bookable_expert("race@example.com")
    clients = [make_client(f"mover{i}@example.com") for i in range(2)]
    bookings = [services.book_call(clients[i], expert, at(3, 10 + 2 * i), 30) for i in range(2)]
    target = at(4, 9)

    results = run_together(2, lambda i: services.reschedule(bookings[i], by=clients[i], start=target))

    moved = [result for result in results if isinstance(result, Booking)]
    taken = [result for result in results if isinstance(result, SlotTaken)]
    assert (len(moved), len(taken)) == (1, 1), results
    assert Booking.objects.filter(start=target).count() == 1
    assert Hold.objects.filter(status=Hold.Status.PENDING).count() == 2
    assert reconcile().ok


def make_client(email, coins=500):
    user = make_user(email)
    wallet_with(user, coins)
    return user


@pytest.mark.django_db
def test_the_reschedule_contract_is_in_the_openapi_schema(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)

    operation = schema["paths"]["/api/bookings/{id}/reschedule/"]["post"]

    assert {"200", "400", "402", "404", "409"} <= set(operation["responses"])
    body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert schema["components"]["schemas"][body]["required"] == ["start"]


@pytest.mark.django_db
def test_a_seller_moving_a_booking_lands_back_on_the_shops_calendar(client, client_user):
    from tests.factories.bookings import bookable_service
    from tests.factories.sellers import make_seller

    product, provider = bookable_service()
    provider.pay_at_appointment = True
    provider.save()
    booking = services.book_service_at_appointment(client_user, product, at(3, 10))
    client.force_login(make_seller(provider.partner, "spa-owner@example.com"))

    moved = client.post(f"/fr/accounts/bookings/{booking.pk}/reschedule/", {"start": at(3, 14).isoformat()})

    assert moved["Location"] == f"/fr/expert/bookings/?provider={provider.pk}"
    assert client.get(moved["Location"]).status_code == 200
    assert Booking.objects.get(pk=booking.pk).start == at(3, 14)
