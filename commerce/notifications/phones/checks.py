"""Deployment checks: a production site alerts the admin's real phone, never a local fake."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def phones_configured(app_configs, **kwargs):
    errors = []
    if not settings.NOTIFICATIONS_TELEGRAM_TOKEN or not settings.NOTIFICATIONS_TELEGRAM_CHAT_ID:
        errors.append(
            Error(
                "NOTIFICATIONS_TELEGRAM_TOKEN and NOTIFICATIONS_TELEGRAM_CHAT_ID must both be set: the admin "
                "on duty is alerted on Telegram when a client opens a conversation.",
                id="phones.E001",
            )
        )
    whatsapp = settings.NOTIFICATIONS_WHATSAPP_TOKEN
    if whatsapp and not (
        settings.NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID and settings.NOTIFICATIONS_WHATSAPP_ADMIN_NUMBER
    ):
        errors.append(
            Error(
                "NOTIFICATIONS_WHATSAPP_TOKEN is set without NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID and "
                "NOTIFICATIONS_WHATSAPP_ADMIN_NUMBER: WhatsApp alerts would be refused.",
                id="phones.E002",
            )
        )
    return errors
