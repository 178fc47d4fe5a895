"""The local fakes of Telegram and WhatsApp for tests, and the settings that point the project at them.

One fake runs for the session (the real Celery worker of ``tests/conftest.py`` is told its address
when it starts); ``phones_fake`` empties it for each test and points this process's settings at it.
"""

import pytest

from commerce.notifications.phones.fakes import start


@pytest.fixture(scope="session")
def phones_fake_server():
    running = start()
    yield running
    running.stop()


def fake_settings(running):
    """The environment that sends a process's phone alerts to ``running`` (offline test mode)."""
    return {
        "NOTIFICATIONS_TELEGRAM_TOKEN": "",
        "NOTIFICATIONS_TELEGRAM_API_BASE": running.telegram_url,
        "NOTIFICATIONS_WHATSAPP_TOKEN": "",
        "NOTIFICATIONS_WHATSAPP_API_BASE": running.whatsapp_url,
    }


@pytest.fixture
def phones_fake(phones_fake_server, settings):
    """The fakes' state (``PhonesFake``): ``.telegram.messages``, ``.whatsapp.messages``, ``.received()``."""
    phones_fake_server.app.reset()
    for name, value in fake_settings(phones_fake_server).items():
        setattr(settings, name, value)
    yield phones_fake_server.app
