"""The header bell counts a notification the moment it is told, through the WebSocket and Redis.

pytest-django's live server speaks WSGI only: the site runs here under uvicorn (``scripts/services.py``'s
``Server``, the benchmarks' server) on the test database and Redis, so the data is committed
(``transaction=True``).
"""

import os
import threading

import pytest
from django.db import connection
from django.test import Client

from commerce.notifications import notify
from commerce.notifications.announcements import ANNOUNCEMENT
from commerce.notifications.models import Announcement
from scripts.services import Server
from tests.conftest import ROOT
from tests.factories import make_user


@pytest.fixture
def asgi_site(transactional_db):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}",
    }
    server = Server(env, workers=1)
    yield f"http://127.0.0.1:{server.port}"
    server.stop()


def tell_in_another_thread(user, announcement):
    """Playwright's event loop runs in the test thread; the delivery pushes with async_to_sync."""
    teller = threading.Thread(
        target=notify, args=(user, ANNOUNCEMENT, {"announcement": announcement.pk}), kwargs={"key": "live"}
    )
    teller.start()
    teller.join()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_bell_counts_a_new_notification_live_and_reads_it_out(browser, asgi_site):
    # given: a signed-in person on a page, nothing unread
    user = make_user("live@example.com", language="ar")
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": asgi_site}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{asgi_site}/ar/notifications/")
    count = page.locator("[data-notification-count]")
    assert count.inner_text() == "0"
    page.wait_for_timeout(1000)  # the socket opens once the script runs
    # when: an announcement reaches this person
    announcement = Announcement.objects.create(
        title_fr="Maintenance", body_fr="Ce soir.", title_ar="صيانة", body_ar="الليلة."
    )
    tell_in_another_thread(user, announcement)
    # then: the bell shows it without a reload, and screen readers hear its title
    page.wait_for_function(
        "document.querySelector('[data-notification-count]').textContent === '1'", timeout=10_000
    )
    assert page.locator("[data-notification-live]").inner_text() == "صيانة"
    assert page.locator("[data-notification-label]").inner_text() == "الإشعارات غير المقروءة: 1"
    context.close()
