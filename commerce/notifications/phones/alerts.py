"""Alerts to the admin on duty's phone: what happened, its gist, and a link to act on it.

``alert_admin_on_commit`` is the one path: the alert's text is written now, in the site's language
(the duty phone is a chat, not a person with a language of their own), and its tasks are queued on
the phones queue once the caller's transaction commits; nothing is sent for a rolled-back one.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.conf import settings
from django.db import transaction
from django.utils import translation

from commerce.core.sites import absolute_url

from . import config, tasks

#: Characters of the gist an alert quotes (a phone's notification shows about two lines).
GIST_LENGTH = 280


@dataclass(frozen=True)
class Alert:
    """``key`` names the event once (``thread-42-opened``): the same key is never sent twice."""

    key: str
    title: str
    gist: str
    link: str
    link_label: str

    @property
    def url(self):
        return absolute_url(self.link)

    def short_gist(self):
        gist = " ".join(self.gist.split())
        return gist if len(gist) <= GIST_LENGTH else gist[: GIST_LENGTH - 1].rstrip() + "…"

    def telegram_text(self):
        """Telegram HTML: everything from users escaped, the link as a tappable label."""
        return (
            f"<b>{escape(self.title)}</b>\n{escape(self.short_gist())}\n\n"
            f'<a href="{escape(self.url)}">{escape(self.link_label)}</a>'
        )

    def whatsapp_text(self):
        return f"*{self.title}*\n{self.short_gist()}\n\n{self.link_label}: {self.url}"


def alert_admin_on_commit(build_alert) -> None:
    """Queue ``build_alert()``'s alert to every enabled phone channel after commit; ``build_alert`` runs
    in the site's language (titles and labels are translatable)."""
    with translation.override(settings.LANGUAGE_CODE):
        alert = build_alert()
    language = settings.LANGUAGE_CODE

    def enqueue():
        if config.telegram_enabled():
            tasks.send_telegram_alert.delay(alert.key, alert.telegram_text())
        if config.whatsapp_enabled():
            tasks.send_whatsapp_alert.delay(alert.key, alert.whatsapp_text(), language)

    transaction.on_commit(enqueue)
