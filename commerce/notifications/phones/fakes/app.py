"""One WSGI application serving both fakes on one loopback port, plus what they received.

``/bot<token>/<method>`` is Telegram's, ``/<version>/<phone number id>/messages`` WhatsApp's, and
``GET /_fake/messages`` answers ``{"telegram": [...], "whatsapp": [...]}``: the dashboard's test-mode
page reads it (the fakes may run in another process, as under ``make run``). Standard library only,
state in memory behind one lock.
"""

from __future__ import annotations

import copy
import json
import re
import threading
from urllib.parse import parse_qsl

from .. import offline
from .telegram import FakeTelegram, TelegramError
from .whatsapp import FakeWhatsApp, GraphError

TELEGRAM_PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>\w+)$")
WHATSAPP_PATH = re.compile(r"^/(?P<version>v\d+\.\d+)/(?P<phone_number_id>[^/]+)/messages$")
REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
           429: "Too Many Requests", 502: "Bad Gateway"}  # fmt: skip


class PhonesFake:
    """A WSGI application standing in for api.telegram.org and graph.facebook.com."""

    def __init__(
        self,
        *,
        telegram_token: str = offline.TELEGRAM_TOKEN,
        whatsapp_token: str = offline.WHATSAPP_TOKEN,
        whatsapp_phone_number_id: str = offline.WHATSAPP_PHONE_NUMBER_ID,
    ):
        self.lock = threading.Lock()
        self.telegram = FakeTelegram(telegram_token)
        self.whatsapp = FakeWhatsApp(whatsapp_token, whatsapp_phone_number_id)

    def reset(self) -> None:
        """Forget every message and injected failure (a test's fresh start)."""
        with self.lock:
            self.telegram = FakeTelegram(self.telegram.token)
            self.whatsapp = FakeWhatsApp(self.whatsapp.token, self.whatsapp.phone_number_id)

    def received(self) -> dict:
        with self.lock:
            return {
                "telegram": copy.deepcopy(self.telegram.messages),
                "whatsapp": copy.deepcopy(self.whatsapp.messages),
            }

    def __call__(self, environ, start_response):
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        with self.lock:
            status, body = self._route(environ, method, path, raw)
            content = json.dumps(body, ensure_ascii=False).encode()
        start_response(
            f"{status} {REASONS.get(status, 'Error')}",
            [("Content-Type", "application/json"), ("Content-Length", str(len(content)))],
        )
        return [content]

    def _route(self, environ, method, path, raw):
        if path == "/_fake/messages" and method == "GET":
            return 200, {"telegram": self.telegram.messages, "whatsapp": self.whatsapp.messages}
        if match := TELEGRAM_PATH.match(path):
            try:
                params = _telegram_params(environ, raw)
                return 200, {
                    "ok": True,
                    "result": self.telegram.handle(match["token"], match["method"], params),
                }
            except TelegramError as error:
                return error.status, error.body()
        if match := WHATSAPP_PATH.match(path):
            if method != "POST":
                return 405, GraphError(405, "Unsupported get request.").body()
            try:
                body = json.loads(raw or b"null")
            except ValueError:
                body = None
            try:
                return 200, self.whatsapp.handle(
                    environ.get("HTTP_AUTHORIZATION", ""), match["phone_number_id"], body
                )
            except GraphError as error:
                return error.status, error.body()
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}


def _telegram_params(environ, raw):
    """Bot API parameters come as the query string, a form, or a JSON object, as Telegram takes them."""
    params = dict(parse_qsl(environ.get("QUERY_STRING", "")))
    content_type = environ.get("CONTENT_TYPE", "")
    if raw and content_type.startswith("application/json"):
        try:
            body = json.loads(raw)
        except ValueError as error:
            raise TelegramError(400, "Bad Request: can't parse JSON object") from error
        if isinstance(body, dict):
            params.update(body)
    elif raw:
        params.update(parse_qsl(raw.decode()))
    return params
