"""Calls in real browsers: Chromium with fake camera, microphone and screen, the site over ASGI, and
a loopback coturn every call is forced through (``iceTransportPolicy: "relay"``)."""

import os
import secrets
from datetime import timedelta

import pytest
from django.utils import timezone

from commerce.bookings.models import Booking
from scripts.services import Server, start_turn
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import process_env
from tests.factories.bookings import every_day
from tests.factories.calls import call_booking

MEDIA_ARGS = [
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    "--auto-select-desktop-capture-source=Entire screen",
    "--autoplay-policy=no-user-gesture-required",
]


@pytest.fixture(scope="module")
def media_browser():
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + MEDIA_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def turn():
    """``(url, secret)`` of a coturn on loopback, relaying between loopback peers."""
    secret = secrets.token_urlsafe(16)
    server = start_turn(secret)
    yield server.url, secret
    server.stop()


@pytest.fixture
def call_server(transactional_db, turn):
    """The site over ASGI with TURN credentials for ``turn`` and relay-only ICE."""
    url, secret = turn
    env = process_env(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        CALLS_TURN_SECRET=secret,
        CALLS_TURN_URLS=f"{url}?transport=udp",
        CALLS_ICE_TRANSPORT_POLICY="relay",
    )
    server = Server(env, workers=1)
    yield f"http://127.0.0.1:{server.port}"
    server.stop()


@pytest.fixture
def starting_call(transactional_db):
    """``(booking, client, expert)``: a 30-minute call that started a minute ago (booked at the next
    free slot, then moved to now: the server process has the real clock)."""
    booking, client, expert = call_booking(days_ahead=1, hour=10, hours=every_day())
    now = timezone.now().replace(microsecond=0)
    start = now - timedelta(minutes=1)
    Booking.objects.filter(pk=booking.pk).update(
        start=start,
        end=start + timedelta(minutes=30),
        blocked_start=start,
        blocked_end=start + timedelta(minutes=30),
    )
    booking.refresh_from_db()
    return booking, client, expert


@pytest.fixture
def open_as(media_browser, call_server):
    """``open_as(user, language)``: a page on the call server with ``user``'s session."""
    from django.test import Client

    contexts = []

    def sign_in(user, language="fr", width=1280):
        client = Client()
        client.force_login(user)
        context = media_browser.new_context(viewport={"width": width, "height": 900}, locale=language)
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": call_server}]
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page

    yield sign_in
    for context in contexts:
        context.close()
