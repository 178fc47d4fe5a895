"""An alert to the admin on duty's phone, written from a stored notification: what happened, its
gist, and a link to act on it, as each phone app shows text."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

#: Characters of the gist an alert quotes (a phone's notification shows about two lines).
GIST_LENGTH = 280


@dataclass(frozen=True)
class Alert:
    """``key`` names the cause once (``notification-42``): the same key is never sent twice."""

    key: str
    title: str
    gist: str
    url: str
    link_label: str

    def short_gist(self):
        gist = " ".join(self.gist.split())
        return gist if len(gist) <= GIST_LENGTH else gist[: GIST_LENGTH - 1].rstrip() + "…"

    def telegram_text(self):
        """Telegram HTML: everything from users escaped, the link as a tappable label."""
        text = f"<b>{escape(self.title)}</b>"
        if self.gist:
            text += f"\n{escape(self.short_gist())}"
        if self.url:
            text += f'\n\n<a href="{escape(self.url)}">{escape(self.link_label)}</a>'
        return text

    def whatsapp_text(self):
        text = f"*{self.title}*"
        if self.gist:
            text += f"\n{self.short_gist()}"
        if self.url:
            text += f"\n\n{self.link_label}: {self.url}"
        return text
