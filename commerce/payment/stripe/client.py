"""The only module that calls Stripe: the official library's ``StripeClient``, pointed at Stripe or,
in offline test mode, at the local fake through ``base_addresses`` (never hand-written HTTP).

Each function is one Stripe call the project makes; errors are the library's (``stripe.StripeError``).
"""

from __future__ import annotations

from functools import lru_cache

import stripe

from . import config

#: Retries of network failures; POSTs carry an idempotency key, so a retry never charges twice.
MAX_NETWORK_RETRIES = 2


@lru_cache(maxsize=4)
def _client(key: str, base: str | None) -> stripe.StripeClient:
    return stripe.StripeClient(
        key,
        base_addresses={"api": base} if base else None,
        max_network_retries=MAX_NETWORK_RETRIES,
    )


def get_client() -> stripe.StripeClient:
    return _client(config.api_key(), config.api_base())


def create_checkout_session(params: dict, *, idempotency_key: str) -> stripe.checkout.Session:
    return get_client().v1.checkout.sessions.create(
        params=params, options={"idempotency_key": idempotency_key}
    )


def retrieve_checkout_session(session_id: str) -> stripe.checkout.Session:
    return get_client().v1.checkout.sessions.retrieve(session_id)


def expire_checkout_session(session_id: str) -> stripe.checkout.Session:
    return get_client().v1.checkout.sessions.expire(session_id)


def create_refund(
    payment_intent: str, *, amount: int | None, idempotency_key: str, metadata: dict | None = None
) -> stripe.Refund:
    """Refund ``amount`` smallest units of a payment (all that is left when ``amount`` is None)."""
    params = {"payment_intent": payment_intent, "metadata": metadata or {}}
    if amount is not None:
        params["amount"] = amount
    return get_client().v1.refunds.create(params=params, options={"idempotency_key": idempotency_key})


# --- Billing (subscriptions) -------------------------------------------------------------------
def create_customer(params: dict, *, idempotency_key: str) -> stripe.Customer:
    return get_client().v1.customers.create(params=params, options={"idempotency_key": idempotency_key})


def create_test_clock(frozen_time: int, *, name: str) -> stripe.test_helpers.TestClock:
    return get_client().v1.test_helpers.test_clocks.create(params={"frozen_time": frozen_time, "name": name})


def retrieve_test_clock(clock_id: str) -> stripe.test_helpers.TestClock:
    return get_client().v1.test_helpers.test_clocks.retrieve(clock_id)


def advance_test_clock(clock_id: str, frozen_time: int) -> stripe.test_helpers.TestClock:
    return get_client().v1.test_helpers.test_clocks.advance(clock_id, params={"frozen_time": frozen_time})


def create_product(params: dict, *, idempotency_key: str) -> stripe.Product:
    return get_client().v1.products.create(params=params, options={"idempotency_key": idempotency_key})


def create_price(params: dict, *, idempotency_key: str) -> stripe.Price:
    return get_client().v1.prices.create(params=params, options={"idempotency_key": idempotency_key})


def retrieve_subscription(subscription_id: str) -> stripe.Subscription:
    return get_client().v1.subscriptions.retrieve(subscription_id)


def update_subscription(subscription_id: str, params: dict) -> stripe.Subscription:
    return get_client().v1.subscriptions.update(subscription_id, params=params)


def preview_invoice(params: dict) -> stripe.Invoice:
    return get_client().v1.invoices.create_preview(params=params)


def create_portal_session(customer: str, return_url: str) -> stripe.billing_portal.Session:
    return get_client().v1.billing_portal.sessions.create(
        params={"customer": customer, "return_url": return_url}
    )
