"""An ASGI server (uvicorn) for pages that open WebSockets: pytest-django's live server speaks WSGI
only. It runs the site's ``config.asgi`` in a process of its own, on the test database and Redis,
so a test that uses it needs ``transaction=True`` (its data must be committed to be seen)."""

import os

import pytest

from scripts.services import Server
from tests.conftest import ROOT


@pytest.fixture
def asgi_server(transactional_db):
    """The base URL of the site served by uvicorn (HTTP and WebSockets), one worker."""
    from django.db import connection

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
