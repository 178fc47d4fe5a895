"""The ``telegram`` and ``whatsapp`` channels of ``notify()``, for the admin on duty only.

An event reaches the admin's phone when its registration (or the admin's preference) turns the
channel on: ``channels={TELEGRAM: INSTANT, WHATSAPP: INSTANT}``. notify's delivery task calls
``send`` once per notification and channel; ``send`` queues the HTTP call on the phones queue after
that task's commit, keyed by the notification, so a slow or rate-limited API never holds the
delivery of the other channels.
"""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy, pgettext

from commerce.notifications.channels import register_channel

from . import config, tasks
from .alerts import Alert
from .duty import is_admin_on_duty

TELEGRAM = "telegram"
WHATSAPP = "whatsapp"


def alert_for(notification):
    with translation.override(notification.language):
        label = pgettext("link at the end of a phone alert", "Open")
    return Alert(
        key=f"notification-{notification.pk}",
        title=notification.title,
        gist=notification.body,
        url=notification.absolute_url,
        link_label=label,
    )


def send_telegram(notification):
    alert = alert_for(notification)
    transaction.on_commit(lambda: tasks.send_telegram_alert.delay(alert.key, alert.telegram_text()))


def send_whatsapp(notification):
    alert, language = alert_for(notification), notification.language
    transaction.on_commit(lambda: tasks.send_whatsapp_alert.delay(alert.key, alert.whatsapp_text(), language))


def register():
    register_channel(
        TELEGRAM,
        send_telegram,
        label=gettext_lazy("Telegram"),
        available=lambda user: config.telegram_enabled() and is_admin_on_duty(user),
    )
    register_channel(
        WHATSAPP,
        send_whatsapp,
        label=gettext_lazy("WhatsApp"),
        available=lambda user: config.whatsapp_enabled() and is_admin_on_duty(user),
    )
