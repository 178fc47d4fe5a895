"""The Telegram Bot API client: ``sendMessage`` over plain HTTP (httpx), nothing more is needed.

``POST {base}/bot{token}/sendMessage`` with a JSON body; Telegram answers ``{"ok": true, "result":
message}`` or ``{"ok": false, "error_code", "description", "parameters"}``. A 429 carries
``parameters.retry_after``: a short wait is taken here (the alert still arrives within seconds), a
longer one is left to the task's retry. A group upgraded to a supergroup answers
``parameters.migrate_to_chat_id``: the message goes there (and the log says to update the setting).
"""

from __future__ import annotations

import logging
import time

import httpx

from . import config
from .exceptions import PhoneApiError, RateLimited, TransientError

logger = logging.getLogger(__name__)

#: Seconds a 429's ``retry_after`` may be waited for here; longer waits are the task's retry.
INLINE_WAIT_LIMIT = 3
#: Telegram's limit on a message's text, in characters (after entities are parsed).
MAX_TEXT_LENGTH = 4096
TIMEOUT = httpx.Timeout(10.0, connect=3.0)


def send_message(chat_id: str | int, text: str, *, parse_mode: str | None = "HTML") -> dict:
    """Send ``text`` to ``chat_id``; returns Telegram's message object (``message_id``, ``chat`` …)."""
    payload = {"chat_id": chat_id, "text": text, "link_preview_options": {"is_disabled": True}}
    if parse_mode:
        payload["parse_mode"] = parse_mode
    waited = migrated = False
    while True:
        try:
            return _call("sendMessage", payload)
        except RateLimited as limited:
            if waited or limited.retry_after > INLINE_WAIT_LIMIT:
                raise
            waited = True
            time.sleep(limited.retry_after)
        except _Migrated as migration:
            if migrated:
                raise PhoneApiError("Telegram moved the chat twice.", status=400) from migration
            migrated = True
            logger.warning(
                "Telegram chat %s became %s: set NOTIFICATIONS_TELEGRAM_CHAT_ID to the new id.",
                payload["chat_id"],
                migration.chat_id,
            )
            payload["chat_id"] = migration.chat_id


class _Migrated(Exception):
    def __init__(self, chat_id):
        super().__init__(chat_id)
        self.chat_id = chat_id


def _call(method: str, payload: dict) -> dict:
    url = f"{config.telegram_base()}/bot{config.telegram_token()}/{method}"
    try:
        response = httpx.post(url, json=payload, timeout=TIMEOUT)
    except httpx.HTTPError as error:
        raise TransientError(f"Telegram unreachable: {error.__class__.__name__}") from error
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.status_code == 200 and answer.get("ok"):
        return answer["result"]
    description = answer.get("description") or f"HTTP {response.status_code}"
    parameters = answer.get("parameters") or {}
    code = answer.get("error_code", response.status_code)
    if response.status_code == 429:
        raise RateLimited(
            f"Telegram: {description}", retry_after=int(parameters.get("retry_after", 1)), code=code
        )
    if parameters.get("migrate_to_chat_id"):
        raise _Migrated(parameters["migrate_to_chat_id"])
    if response.status_code >= 500:
        raise TransientError(f"Telegram: {description}", status=response.status_code, code=code)
    raise PhoneApiError(f"Telegram: {description}", status=response.status_code, code=code)
