"""Conversations: the cast of roles, sockets on the real ASGI application through Redis."""

import pytest
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from tests.factories.messaging import make_cast


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture
def cookie_of():
    """``cookie_of(user)``: the Cookie header of a browser of its own signed in as ``user``
    (``None``: a guest whose session holds nothing)."""

    def cookie(user):
        if user is None:
            return ""
        browser = Client()
        browser.force_login(user)
        return f"{settings.SESSION_COOKIE_NAME}={browser.cookies[settings.SESSION_COOKIE_NAME].value}"

    return cookie


def socket(path, cookie=""):
    """A WebSocket to the site's ASGI application (origin checked, session authenticated)."""
    from config.asgi import application

    headers = [(b"origin", b"http://testserver"), (b"host", b"testserver")]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, path, headers=headers)
