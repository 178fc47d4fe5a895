"""A test alert, sent from the dashboard to check the bot token, the chat id and the WhatsApp number
(live), or to see the path work end to end (test mode): same tasks and queue as every alert."""

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from . import config, tasks
from .alerts import Alert


def send_test_alert(by, language):
    """Queue a test alert to every enabled phone channel after commit; returns the channels used."""
    alert = Alert(
        key=f"test-{uuid.uuid4()}",
        title=_("Test alert"),
        gist=_("Sent from the dashboard by %(email)s: alerts reach this phone.") % {"email": by.email},
        url="",
        link_label="",
    )
    used = []
    if config.telegram_enabled():
        used.append("Telegram")
        transaction.on_commit(lambda: tasks.send_telegram_alert.delay(alert.key, alert.telegram_text()))
    if config.whatsapp_enabled():
        used.append("WhatsApp")
        transaction.on_commit(
            lambda: tasks.send_whatsapp_alert.delay(alert.key, alert.whatsapp_text(), language)
        )
    return used
