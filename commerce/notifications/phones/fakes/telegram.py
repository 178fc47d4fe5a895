"""The local fake of the Telegram Bot API: ``getMe`` and ``sendMessage``, as Telegram answers them.

Paths ``/bot<token>/<method>``; parameters as JSON, a form or the query string; answers
``{"ok": true, "result": …}`` or ``{"ok": false, "error_code", "description"[, "parameters"]}``
with Telegram's wording. ``parse_mode=HTML`` text is checked as Telegram checks it (supported tags
only, each closed), so a message the real bot would refuse is refused here too.
"""

from __future__ import annotations

import time
from html.parser import HTMLParser

#: The HTML tags Telegram accepts in a message (https://core.telegram.org/bots/api#html-style).
HTML_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span", "tg-spoiler",
     "tg-emoji", "blockquote"}
)  # fmt: skip
MAX_TEXT_LENGTH = 4096
BOT = {"id": 1000000, "is_bot": True, "first_name": "Souk (test mode)", "username": "souk_test_bot"}


class TelegramError(Exception):
    def __init__(self, status, description, parameters=None):
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters

    def body(self):
        body = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class _EntityChecker(HTMLParser):
    """Telegram's "can't parse entities" errors: an unsupported tag, or a tag left open or unopened."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text_length = 0

    def handle_starttag(self, tag, attrs):
        if tag not in HTML_TAGS:
            raise ValueError(f'Unsupported start tag "{tag}"')
        if tag == "a" and not dict(attrs).get("href"):
            raise ValueError('Tag "a" must have the attribute "href"')
        self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            raise ValueError(f'Unmatched end tag "{tag}"')
        self.open.pop()

    def handle_data(self, data):
        self.text_length += len(data)

    def check(self, text):
        self.feed(text)
        self.close()
        if self.open:
            raise ValueError(f'Can\'t find end tag corresponding to start tag "{self.open[-1]}"')
        return self.text_length


class FakeTelegram:
    """Telegram's side of a bot: the token it accepts and every message it was asked to send."""

    def __init__(self, token: str):
        self.token = token
        #: Messages sent, oldest first: ``{"message_id", "chat_id", "text", "parse_mode", "date"}``.
        self.messages: list[dict] = []
        #: ``retry_after`` of the 429s the next calls answer, one each (see ``throttle_next``).
        self._throttles: list[int] = []
        self._failures: list[int] = []

    def throttle_next(self, retry_after: int) -> None:
        """The next ``sendMessage`` answers 429 "Too Many Requests: retry after N"."""
        self._throttles.append(retry_after)

    def fail_next(self, status: int = 502) -> None:
        """The next ``sendMessage`` answers ``status`` (a gateway error, by default) without sending."""
        self._failures.append(status)

    def handle(self, token: str, method: str, params: dict) -> dict:
        if token != self.token:
            raise TelegramError(401, "Unauthorized")
        if method == "getMe":
            return BOT
        if method == "sendMessage":
            return self.send_message(params)
        raise TelegramError(404, "Not Found")

    def send_message(self, params: dict) -> dict:
        if self._failures:
            raise TelegramError(self._failures.pop(0), "Bad Gateway")
        if self._throttles:
            retry_after = self._throttles.pop(0)
            raise TelegramError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )
        chat_id = params.get("chat_id")
        if chat_id in (None, ""):
            raise TelegramError(400, "Bad Request: chat_id is empty")
        text = params.get("text") or ""
        parse_mode = params.get("parse_mode")
        length = len(text)
        if parse_mode == "HTML":
            try:
                length = _EntityChecker().check(text)
            except ValueError as error:
                raise TelegramError(400, f"Bad Request: can't parse entities: {error}") from error
        elif parse_mode not in (None, "", "MarkdownV2", "Markdown"):
            raise TelegramError(400, "Bad Request: unsupported parse_mode")
        if not text.strip():
            raise TelegramError(400, "Bad Request: message text is empty")
        if length > MAX_TEXT_LENGTH:
            raise TelegramError(400, "Bad Request: message is too long")
        message = {
            "message_id": len(self.messages) + 1,
            "chat_id": str(chat_id),
            "text": text,
            "parse_mode": parse_mode,
            "date": int(time.time()),
        }
        self.messages.append(message)
        return {
            "message_id": message["message_id"],
            "from": BOT,
            "chat": {"id": chat_id, "type": "private"},
            "date": message["date"],
            "text": text,
        }
