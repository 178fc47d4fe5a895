"""A booking journey in Arabic on a phone: a client in Paris books a call from the expert's profile
in the week calendar, sees it waiting in "my bookings", the expert confirms it from their calendar,
and the client sees it confirmed. Each step is kept as a screenshot."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client

from commerce.bookings.models import Booking
from tests.factories import make_user
from tests.factories.bookings import at, bookable_expert
from tests.factories.wallet import wallet_with

PHONE = {"width": 390, "height": 844}


def off_the_browser_loop(make):
    """Run ``make`` in a thread of its own (notices use async_to_sync, refused in Playwright's thread)."""

    def run():
        try:
            return make()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def given_an_expert_and_a_client():
    expert, _calendar = bookable_expert("nour@example.com", mode="on_request")
    client = make_user("client@example.com")
    wallet_with(client, 200)
    return expert, client


def session_page(browser, live_server, user, zone):
    def login():
        web = Client()
        web.force_login(user)
        return web.cookies["sessionid"].value

    session = off_the_browser_loop(login)
    context = browser.new_context(viewport=PHONE, color_scheme="light", timezone_id=zone, locale="ar")
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_book_a_call_in_arabic_then_the_expert_confirms(live_server, browser, artifacts_dir):
    def shoot(page, name):
        page.screenshot(path=str(artifacts_dir / f"bookings-{name}.png"), full_page=True)

    # given: an expert who confirms requests (open 09:00-17:00 Tunis time) and a client with coins in Paris
    expert, client = off_the_browser_loop(given_an_expert_and_a_client)
    page = session_page(browser, live_server, client, "Europe/Paris")

    # when: the client opens the profile and follows "book a call"
    page.goto(f"{live_server.url}/ar/experts/{expert.slug}/")
    page.get_by_role("link", name="احجز مكالمة").click()
    page.wait_for_url("**/bookings/experts/**")
    week = at(3, 0).date().isoformat()
    page.goto(f"{page.url}?week={week}")
    shoot(page, "calendar-ar")
    # then: the calendar is in Arabic, right to left, in the visitor's zone, and fits the phone
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "Europe/Paris" in page.content() and fits(page)

    # when: the client picks the first time of that day
    page.locator(".bookings-day").first.locator("button.bookings-slot").first.click()
    page.wait_for_url("**/accounts/bookings/")
    shoot(page, "mine-pending-ar")
    # then: the request waits for the expert in "my bookings"
    booking = off_the_browser_loop(lambda: Booking.objects.get())
    item = page.locator(f'[data-booking="{booking.pk}"]')
    assert item.locator('[data-status="pending"]').count() == 1
    assert booking.start == at(3, 9)  # the first slot is 09:00 in Tunis, 09:00 or 10:00 in Paris

    # when: the expert confirms it from their calendar
    expert_page = session_page(browser, live_server, expert.user, "Africa/Tunis")
    expert_page.goto(f"{live_server.url}/ar/expert/bookings/")
    shoot(expert_page, "expert-calendar-ar")
    expert_page.locator(f'[data-booking="{booking.pk}"]').first.get_by_role("button", name="تأكيد").click()
    expert_page.wait_for_load_state()
    shoot(expert_page, "expert-confirmed-ar")

    # then: the client sees it confirmed
    page.reload()
    shoot(page, "mine-confirmed-ar")
    assert item.locator('[data-status="confirmed"]').count() == 1
    assert off_the_browser_loop(lambda: Booking.objects.get().status) == "confirmed"
