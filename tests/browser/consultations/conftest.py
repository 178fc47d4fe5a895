"""Consultation pages follow notices over WebSockets: served by ``asgi_server``, signed in with
the chat tests' ``browser_as``."""

from tests.browser.messaging.conftest import browser_as  # noqa: F401 - fixture
