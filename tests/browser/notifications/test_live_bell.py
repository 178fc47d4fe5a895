"""The header bell counts a notification the moment it is told, through the WebSocket and Redis.

The site runs under uvicorn (``asgi_server``, tests/browser/conftest.py), so the data is committed
(``transaction=True``).
"""

import threading

import pytest
from django.test import Client

from commerce.notifications import notify
from commerce.notifications.announcements import ANNOUNCEMENT
from commerce.notifications.models import Announcement
from tests.factories import make_user


def tell_in_another_thread(user, announcement):
    """Playwright's event loop runs in the test thread; the delivery pushes with async_to_sync."""
    teller = threading.Thread(
        target=notify, args=(user, ANNOUNCEMENT, {"announcement": announcement.pk}), kwargs={"key": "live"}
    )
    teller.start()
    teller.join()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_bell_counts_a_new_notification_live_and_reads_it_out(browser, asgi_server):
    # given: a signed-in person on a page, nothing unread
    user = make_user("live@example.com", language="ar")
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": asgi_server}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{asgi_server}/ar/notifications/")
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
