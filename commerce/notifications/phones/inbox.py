"""What the local fakes received, read over HTTP (under ``make run`` they run in another process),
for the dashboard's test-mode page. Only ever asked in offline test mode."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from . import config


@dataclass(frozen=True)
class Received:
    channel: str
    to: str
    text: str
    sent_at: datetime


def fake_messages() -> list[Received] | None:
    """Every message the fakes received, newest first; ``None`` when no fake is set or it does not answer."""
    base = config.fakes_base()
    if base is None:
        return None
    try:
        response = httpx.get(f"{base}/_fake/messages", timeout=3)
        response.raise_for_status()
        received = response.json()
    except (httpx.HTTPError, ValueError):
        return None
    messages = [
        Received("Telegram", message["chat_id"], message["text"], _when(message))
        for message in received.get("telegram", [])
    ] + [
        Received("WhatsApp", message["to"], _whatsapp_text(message), _when(message))
        for message in received.get("whatsapp", [])
    ]
    return sorted(messages, key=lambda message: message.sent_at, reverse=True)


def _when(message):
    return datetime.fromtimestamp(message["date"], tz=UTC)


def _whatsapp_text(message):
    if message["type"] == "text":
        return message["text"]
    template = message.get("template") or {}
    parameters = [
        parameter.get("text", "")
        for component in template.get("components", [])
        for parameter in component.get("parameters", [])
    ]
    return f"[{template.get('name')}] " + " · ".join(parameters)
