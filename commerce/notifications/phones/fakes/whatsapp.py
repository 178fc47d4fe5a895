"""The local fake of the WhatsApp Cloud API: ``POST /<version>/<phone number id>/messages``.

Bearer token checked, the message's JSON validated as the Graph API validates it, answers and errors
in its shapes (``{"messaging_product", "contacts", "messages": [{"id": "wamid…"}]}``;
``{"error": {"message", "type", "code", "fbtrace_id"}}``).
"""

from __future__ import annotations

import secrets
import time

MAX_TEXT_LENGTH = 4096
MESSAGE_TYPES = ("text", "template", "image", "document", "interactive", "reaction", "location")


class GraphError(Exception):
    def __init__(self, status, message, *, code=100, type="OAuthException", subcode=None):
        super().__init__(message)
        self.status = status
        self.error = {"message": message, "type": type, "code": code, "fbtrace_id": secrets.token_hex(8)}
        if subcode:
            self.error["error_subcode"] = subcode

    def body(self):
        return {"error": self.error}


def _missing(name):
    return GraphError(400, f"(#100) The parameter {name} is required.")


class FakeWhatsApp:
    """Meta's side of one business number: the token and phone number id it accepts, what it sent."""

    def __init__(self, token: str, phone_number_id: str):
        self.token, self.phone_number_id = token, phone_number_id
        #: Messages sent, oldest first: ``{"id", "to", "type", "text" or "template", "date"}``.
        self.messages: list[dict] = []
        self._rate_limits = 0

    def rate_limit_next(self) -> None:
        """The next message is refused with WhatsApp's "(#130429) Rate limit hit"."""
        self._rate_limits += 1

    def handle(self, authorization: str, phone_number_id: str, body) -> dict:
        if not authorization.startswith("Bearer ") or authorization[7:] != self.token:
            raise GraphError(401, "Invalid OAuth access token - Cannot parse access token", code=190)
        if phone_number_id != self.phone_number_id:
            raise GraphError(
                400,
                f"Unsupported post request. Object with ID '{phone_number_id}' does not exist, cannot be "
                "loaded due to missing permissions, or does not support this operation.",
                subcode=33,
                type="GraphMethodException",
            )
        if not isinstance(body, dict):
            raise GraphError(400, "(#100) Invalid parameter")
        if self._rate_limits:
            self._rate_limits -= 1
            raise GraphError(400, "(#130429) Rate limit hit", code=130429)
        return self.send(body)

    def send(self, body: dict) -> dict:
        if body.get("messaging_product") != "whatsapp":
            raise _missing("messaging_product")
        to = str(body.get("to") or "")
        if not to:
            raise _missing("to")
        digits = "".join(character for character in to if character.isdigit())
        if not 8 <= len(digits) <= 15:
            raise GraphError(400, "(#131009) Parameter value is not valid: to", code=131009)
        kind = body.get("type", "text")
        if kind not in MESSAGE_TYPES:
            raise GraphError(400, f"(#100) Param type must be one of {{{', '.join(MESSAGE_TYPES).upper()}}}")
        message = {
            "id": f"wamid.{secrets.token_urlsafe(24)}",
            "to": digits,
            "type": kind,
            "date": int(time.time()),
        }
        if kind == "text":
            text = (body.get("text") or {}).get("body")
            if not text:
                raise _missing("text['body']")
            if len(text) > MAX_TEXT_LENGTH:
                raise GraphError(
                    400, f"(#100) Param text['body'] must be at most {MAX_TEXT_LENGTH} characters long."
                )
            message["text"] = text
        elif kind == "template":
            template = body.get("template") or {}
            if not template.get("name"):
                raise _missing("template['name']")
            if not (template.get("language") or {}).get("code"):
                raise _missing("template['language']['code']")
            message["template"] = template
        self.messages.append(message)
        return {
            "messaging_product": "whatsapp",
            "contacts": [{"input": to, "wa_id": digits}],
            "messages": [{"id": message["id"]}],
        }
