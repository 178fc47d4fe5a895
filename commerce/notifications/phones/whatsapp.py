"""The WhatsApp Cloud API client: ``POST {base}/{phone number id}/messages`` with a bearer token.

A text message (``{"type": "text", "text": {"body": …}}``) reaches a number only within 24 hours of
its last message to the business; outside that window WhatsApp wants an approved template
(``{"type": "template", "template": {"name", "language": {"code"}, "components"}}``). Errors come as
``{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}``; the throughput and
rate-limit codes are retried, the rest are final.
"""

from __future__ import annotations

import httpx

from . import config
from .exceptions import PhoneApiError, RateLimited, TransientError

#: Graph error codes meaning "too many messages, later": API-level and WhatsApp throughput limits.
RATE_LIMIT_CODES = frozenset({4, 80007, 130429, 131056})
#: Seconds before a rate-limited message is tried again (the API gives no figure).
RATE_LIMIT_WAIT = 5
#: Graph error codes of a temporary failure on Meta's side.
TRANSIENT_CODES = frozenset({1, 2, 131000, 131016})
TIMEOUT = httpx.Timeout(10.0, connect=3.0)


def send_text(to: str, body: str) -> str:
    """Send ``body`` to the number ``to`` (digits with the country code); returns the ``wamid``."""
    return _send({"to": to, "type": "text", "text": {"body": body, "preview_url": False}})


def send_template(to: str, name: str, language: str, parameters: list[str]) -> str:
    """Send the approved template ``name`` in ``language`` (``fr``, ``ar``, ``en_US`` …) with its body
    ``parameters``; returns the ``wamid``."""
    template = {"name": name, "language": {"code": language}}
    if parameters:
        template["components"] = [
            {"type": "body", "parameters": [{"type": "text", "text": value} for value in parameters]}
        ]
    return _send({"to": to, "type": "template", "template": template})


def _send(message: dict) -> str:
    url = f"{config.whatsapp_base()}/{config.whatsapp_phone_number_id()}/messages"
    payload = {"messaging_product": "whatsapp", "recipient_type": "individual", **message}
    headers = {"Authorization": f"Bearer {config.whatsapp_token()}"}
    try:
        response = httpx.post(url, json=payload, headers=headers, timeout=TIMEOUT)
    except httpx.HTTPError as error:
        raise TransientError(f"WhatsApp unreachable: {error.__class__.__name__}") from error
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.status_code == 200 and answer.get("messages"):
        return answer["messages"][0]["id"]
    error = answer.get("error") or {}
    code = error.get("code")
    description = f"WhatsApp: {error.get('message') or f'HTTP {response.status_code}'}"
    if response.status_code == 429 or code in RATE_LIMIT_CODES:
        raise RateLimited(description, retry_after=RATE_LIMIT_WAIT, status=response.status_code, code=code)
    if response.status_code >= 500 or code in TRANSIENT_CODES:
        raise TransientError(description, status=response.status_code, code=code)
    raise PhoneApiError(description, status=response.status_code, code=code)
