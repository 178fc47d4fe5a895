"""Which Stripe the project talks to: the real one (a secret key is set) or the local fake.

Without ``STRIPE_SECRET_KEY`` the project is in *offline test mode*: it calls ``STRIPE_API_BASE``
(the fake started by ``make run`` and by the tests) with a placeholder test key, and pages say that
no real payment happens. Settings are read on each call so tests can point them at a fake.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

#: The key sent to the local fake in offline test mode (the fake accepts test keys only).
OFFLINE_KEY = "sk_test_offline_mode"  # noqa: S105 - not a secret: a placeholder for the fake


def is_offline_test_mode() -> bool:
    return not settings.STRIPE_SECRET_KEY


def api_key() -> str:
    if settings.STRIPE_SECRET_KEY:
        return settings.STRIPE_SECRET_KEY
    if not settings.STRIPE_API_BASE:
        raise ImproperlyConfigured(
            "Card payments need STRIPE_SECRET_KEY, or STRIPE_API_BASE pointing at the local fake of Stripe."
        )
    return OFFLINE_KEY


def api_base() -> str | None:
    return settings.STRIPE_API_BASE.rstrip("/") or None


def webhook_secret() -> str:
    return settings.STRIPE_WEBHOOK_SECRET
