"""Chat pages open WebSockets: they are served by ``asgi_server`` (tests/browser/conftest.py)."""

import pytest


@pytest.fixture
def browser_as(browser, asgi_server):
    """``browser_as(user)``: a (context, page) on the ASGI server with ``user``'s session cookie."""
    from django.test import Client

    contexts = []

    def sign_in(user, language="ar"):
        client = Client()
        client.force_login(user)
        context = browser.new_context(
            viewport={"width": 390, "height": 844},
            locale=language,
            extra_http_headers={"Accept-Language": language},
        )
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": asgi_server}]
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield sign_in
    for context in contexts:
        context.close()
