"""Debian's Chromium driven by Playwright's sync API (Playwright's own browser download is not used).

The browser lives for one test module: Playwright's sync API keeps an asyncio loop in the main thread
while it runs, which would get in the way of async tests elsewhere in the session.
"""

import os

import pytest

from scripts.services import Server
from tests.conftest import process_env

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # The test thread talks to the database while Playwright's loop runs in the same thread.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def signed_in(browser, live_server):
    """``signed_in(user)``: a (context, page) with ``user``'s session cookie (sign-in is tested elsewhere)."""
    from django.test import Client

    contexts = []

    def sign_in(user):
        client = Client()
        client.force_login(user)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return context, page

    yield sign_in
    for context in contexts:
        context.close()


@pytest.fixture
def asgi_server(transactional_db):
    """The base URL of the site served by uvicorn (HTTP and WebSockets), one worker, in a process of
    its own on the test database and Redis: pytest-django's live server speaks WSGI only. A test
    that uses it needs ``transaction=True`` (its data must be committed to be seen)."""
    server = Server(process_env(DJANGO_SETTINGS_MODULE="config.settings.test"), workers=1)
    yield f"http://127.0.0.1:{server.port}"
    server.stop()
