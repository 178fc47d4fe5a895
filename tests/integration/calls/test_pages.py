"""The call page, its whiteboard and recordings: only the booking's two participants see them."""

from datetime import timedelta

import pytest
from django.urls import reverse

from commerce.calls import services
from commerce.calls.models import Call, Recording
from tests.factories import make_user
from tests.factories.calls import talk

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def as_user(client, user):
    client.force_login(user)
    return client


def test_the_page_opens_ten_minutes_before_the_start_for_the_two_participants_only(client, booked, clock):
    booking, customer, expert = booked
    url = reverse("calls:room", args=[booking.pk])

    clock.move_to(booking.start - timedelta(minutes=30))
    early = as_user(client, customer).get(url)
    clock.move_to(booking.start - timedelta(minutes=10))
    client_page = client.get(url)
    expert_page = as_user(client, expert.user).get(url)
    stranger = as_user(client, make_user("stranger@example.com")).get(url)

    assert early.status_code == 200 and b'id="call"' not in early.content
    assert b'id="call"' in client_page.content and b'data-role="client"' in client_page.content
    assert b'data-role="expert"' in expert_page.content
    assert stranger.status_code == 404


def test_an_ended_call_shows_its_summary(client, booked, call, clock):
    booking, customer, _expert = booked
    talk(clock, call, booking.start, 60)
    services.end_call(call, Call.Ending.HUNG_UP)

    page = as_user(client, customer).get(reverse("calls:room", args=[booking.pk]))

    assert b"data-call-summary" in page.content
    assert "10 minutes facturées" in page.content.decode()


def test_a_recording_needs_both_and_is_played_to_the_participants_only(client, booked, call):
    booking, customer, expert = booked
    upload = reverse("calls:recording-upload", args=[booking.pk])

    refused = as_user(client, customer).post(f"{upload}?seq=0", b"webm-0", content_type="video/webm")
    services.set_recording(call, "client", True)
    services.set_recording(call, "expert", True)
    first = client.post(f"{upload}?seq=0", b"webm-0|", content_type="video/webm").json()
    client.post(f"{upload}?seq=1&recording={first['recording']}", b"webm-1", content_type="video/webm")
    client.post(
        f"{upload}?seq=1&recording={first['recording']}", b"webm-1", content_type="video/webm"
    )  # retried

    recording = Recording.objects.get()
    url = reverse("calls:recording", args=[booking.pk, recording.pk])
    by_client = b"".join(as_user(client, customer).get(url).streaming_content)
    download = as_user(client, expert.user).get(f"{url}?download=1")
    stranger = as_user(client, make_user("stranger@example.com")).get(url)

    assert refused.status_code == 400
    assert by_client == b"webm-0|webm-1" and recording.size == 13
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == b"webm-0|webm-1"
    assert stranger.status_code == 404


def test_recordings_past_their_retention_are_deleted(booked, call, clock, settings):
    booking, customer, _expert = booked
    services.set_recording(call, "client", True)
    services.set_recording(call, "expert", True)
    recording = services.add_recording_chunk(call, customer, recording_id=None, seq=0, data=b"chunk")
    name = recording.chunks.get().name

    clock.shift(timedelta(days=settings.CALLS_RECORDING_RETENTION_DAYS - 1))
    assert services.delete_old_recordings() == 0
    clock.shift(timedelta(days=2))
    assert services.delete_old_recordings() == 1

    from commerce.core.private_storage import private_storage

    assert not Recording.objects.exists() and not private_storage().exists(name)


def test_the_whiteboard_is_kept_with_the_booking_as_a_png(client, booked, call):
    booking, customer, expert = booked
    as_user(client, customer)

    bad = client.post(
        reverse("calls:whiteboard-upload", args=[booking.pk]), b"GIF89a", content_type="image/png"
    )
    good = client.post(reverse("calls:whiteboard-upload", args=[booking.pk]), PNG, content_type="image/png")
    shown = as_user(client, expert.user).get(reverse("calls:whiteboard", args=[booking.pk]))

    assert bad.status_code == 400 and good.status_code == 200
    assert b"".join(shown.streaming_content) == PNG
