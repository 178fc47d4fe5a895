"""The wire format of Stripe's v1 API, as the official library speaks it.

Requests are ``application/x-www-form-urlencoded`` with nested keys (``line_items[0][quantity]=2``,
``metadata[order_number]=100042``); answers are JSON objects; errors are
``{"error": {"type", "code", "message", "param"}}`` with a 4xx status. Standard library only.
"""

from __future__ import annotations

import json
import re
import secrets
from urllib.parse import parse_qsl

_KEY_PART = re.compile(r"\[([^\[\]]*)\]")

#: Currencies whose smallest unit is a thousandth; Stripe wants their amounts to end in 0.
THREE_DECIMAL_CURRENCIES = frozenset({"bhd", "jod", "kwd", "omr", "tnd"})
ZERO_DECIMAL_CURRENCIES = frozenset(
    {"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof"}
)


class StripeError(Exception):
    """An error Stripe would answer with: HTTP status plus its JSON error object."""

    def __init__(self, status, message, *, type="invalid_request_error", code=None, param=None):
        super().__init__(message)
        self.status = status
        #: Extra response headers (``Stripe-Should-Retry``).
        self.headers = []
        self.body = {"error": {"type": type, "message": message}}
        if code:
            self.body["error"]["code"] = code
        if param:
            self.body["error"]["param"] = param


def decode_form(body: str) -> dict:
    """``a[b][0][c]=1`` → ``{"a": {"b": [{"c": "1"}]}}`` (dicts keyed 0..n-1 become lists)."""
    root: dict = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        head, _, rest = key.partition("[")
        parts = [head, *_KEY_PART.findall("[" + rest)] if rest else [head]
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return _listify(root)


def _listify(node):
    if not isinstance(node, dict):
        return node
    node = {key: _listify(value) for key, value in node.items()}
    if node and all(key.isdigit() for key in node):
        return [node[key] for key in sorted(node, key=int)]
    return node


def to_int(value, param):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise StripeError(
            400, f"Invalid integer: {value}", code="parameter_invalid_integer", param=param
        ) from None


def decimals(currency: str) -> int:
    if currency in THREE_DECIMAL_CURRENCIES:
        return 3
    return 0 if currency in ZERO_DECIMAL_CURRENCIES else 2


def check_amount(amount: int, currency: str, param: str) -> None:
    """Stripe refuses negative amounts, and three-decimal amounts whose last digit is not 0."""
    if amount < 0:
        raise StripeError(400, "This value must be greater than or equal to 0.", param=param)
    if currency in THREE_DECIMAL_CURRENCIES and amount % 10:
        raise StripeError(
            400,
            f"Amounts in {currency.upper()} must be a multiple of 10 (the last digit must be 0).",
            code="amount_invalid",
            param=param,
        )


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(24).replace('-', 'x').replace('_', 'y')}"


def json_body(obj) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()
