"""A booking journey in Arabic on a phone: a client in Paris books a call from the expert's profile
in the week calendar, sees it waiting in "my bookings", the expert confirms it from their calendar,
and the client sees it confirmed, then moves it to another time; the expert finds it in their month
(arrow keys, right to left) and watches the availability preview follow an unsaved edit. Each step
is kept as a screenshot (the provider's pages in French too)."""

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

    # when: the client moves it to the next free time of that day
    item.get_by_role("link", name="تغيير الموعد").click()
    page.wait_for_url("**/reschedule/")
    page.goto(f"{page.url}?week={week}")
    shoot(page, "reschedule-ar")
    assert fits(page)
    page.locator(".bookings-day").first.locator("button.bookings-slot").nth(1).click()
    page.wait_for_url("**/accounts/bookings/")
    # then: it is moved, still confirmed
    moved = off_the_browser_loop(lambda: Booking.objects.get())
    assert (moved.start, moved.status) == (at(3, 9, 30), "confirmed")

    # when: the expert opens their month and moves through it with the keyboard
    month = at(3, 0).strftime("%Y-%m")
    for language in ("ar", "fr"):
        expert_page.goto(f"{live_server.url}/{language}/expert/bookings/month/?month={month}")
        shoot(expert_page, f"month-{language}")
        assert fits(expert_page)
    day = expert_page.locator(f'[data-day="{at(3, 0).date().isoformat()}"]')
    assert day.locator("[data-count]").inner_text() == "1"
    expert_page.goto(f"{live_server.url}/ar/expert/bookings/month/?month={month}")
    first_day = expert_page.locator("[data-day]").first
    first_day.focus()
    expert_page.keyboard.press("ArrowLeft")  # right to left: the next day is on the left
    focused = expert_page.evaluate("document.activeElement.dataset.day")
    assert focused == expert_page.locator("[data-day]").nth(1).get_attribute("data-day")

    # when: the expert edits Monday's hours without saving
    for language in ("ar", "fr"):
        expert_page.goto(f"{live_server.url}/{language}/expert/availability/")
        for day_field in range(7):
            expert_page.locator(f"#id_day_{day_field}").fill("10:00-11:00")
        # then: the preview follows the unsaved hours
        preview = expert_page.locator("[data-preview-url] [data-preview-state]")
        preview.wait_for()
        assert (
            expert_page.locator("[data-preview-url] .bookings-day").nth(3).locator(".bookings-status").count()
            == 2
        )
        shoot(expert_page, f"preview-{language}")
