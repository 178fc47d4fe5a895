"""Stripe's webhook signature scheme, written out with the standard library.

Stripe signs ``"{timestamp}.{raw body}"`` with HMAC-SHA256 under the endpoint's secret and sends
``Stripe-Signature: t=<timestamp>,v1=<hex digest>``. The project *verifies* with the official
library (``stripe.Webhook.construct_event``); this module *signs*, for the local fake of Stripe and
for tests, so that the two sides are independent implementations of the same scheme.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SCHEME = "v1"
#: Seconds Stripe's libraries accept between signing and verifying (their default).
TOLERANCE = 300


def compute_signature(payload: bytes, secret: str, timestamp: int) -> str:
    """Hex HMAC-SHA256 of ``"{timestamp}.{payload}"`` under ``secret``."""
    signed = f"{timestamp}.".encode() + payload
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header value Stripe would send with ``payload``."""
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    return f"t={timestamp},{SCHEME}={compute_signature(payload, secret, timestamp)}"
