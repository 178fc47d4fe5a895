"""Which Telegram and WhatsApp the project talks to: the real APIs (a token is set) or the local fakes.

Without a token an API is in *offline test mode*: the client calls the base URL from settings (the
local fake started by ``make run`` and the tests) with placeholder credentials the fakes accept, and
the dashboard shows platform admins what the fakes received. Without a token and without a base URL
that channel is off. Settings are read on each call, so tests can point them at a fake.
"""

from __future__ import annotations

from django.conf import settings

from . import offline

TELEGRAM_API = "https://api.telegram.org"
#: The Graph API and the version the WhatsApp client speaks (its paths start with it).
GRAPH_API = f"https://graph.facebook.com/{offline.GRAPH_VERSION}"


def telegram_offline() -> bool:
    return not settings.NOTIFICATIONS_TELEGRAM_TOKEN


def whatsapp_offline() -> bool:
    return not settings.NOTIFICATIONS_WHATSAPP_TOKEN


def telegram_enabled() -> bool:
    """A token (the real bot), or a fake to talk to in offline test mode."""
    return not telegram_offline() or bool(settings.NOTIFICATIONS_TELEGRAM_API_BASE)


def whatsapp_enabled() -> bool:
    return not whatsapp_offline() or bool(settings.NOTIFICATIONS_WHATSAPP_API_BASE)


def telegram_base() -> str:
    return (settings.NOTIFICATIONS_TELEGRAM_API_BASE or TELEGRAM_API).rstrip("/")


def telegram_token() -> str:
    return settings.NOTIFICATIONS_TELEGRAM_TOKEN or offline.TELEGRAM_TOKEN


def telegram_chat_id() -> str:
    """The chat of the admin on duty."""
    if telegram_offline():
        return settings.NOTIFICATIONS_TELEGRAM_CHAT_ID or offline.TELEGRAM_CHAT_ID
    return settings.NOTIFICATIONS_TELEGRAM_CHAT_ID


def whatsapp_base() -> str:
    return (settings.NOTIFICATIONS_WHATSAPP_API_BASE or GRAPH_API).rstrip("/")


def whatsapp_token() -> str:
    return settings.NOTIFICATIONS_WHATSAPP_TOKEN or offline.WHATSAPP_TOKEN


def whatsapp_phone_number_id() -> str:
    if whatsapp_offline():
        return settings.NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID or offline.WHATSAPP_PHONE_NUMBER_ID
    return settings.NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID


def whatsapp_admin_number() -> str:
    """The WhatsApp number of the admin on duty (digits with the country code)."""
    if whatsapp_offline():
        return settings.NOTIFICATIONS_WHATSAPP_ADMIN_NUMBER or offline.WHATSAPP_ADMIN_NUMBER
    return settings.NOTIFICATIONS_WHATSAPP_ADMIN_NUMBER


def fakes_base() -> str | None:
    """The local fakes' address when either API is in offline test mode (for the dashboard page)."""
    if telegram_offline() and settings.NOTIFICATIONS_TELEGRAM_API_BASE:
        return settings.NOTIFICATIONS_TELEGRAM_API_BASE.rstrip("/")
    if whatsapp_offline() and settings.NOTIFICATIONS_WHATSAPP_API_BASE:
        return settings.NOTIFICATIONS_WHATSAPP_API_BASE.rstrip("/").rsplit("/", 1)[0]
    return None
