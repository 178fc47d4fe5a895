"""Stripe calls made after the transaction that decided them has committed (never under a row lock).

Registered with Celery when ``sessions`` is imported (it queues them); each is safe to run twice:
its idempotency key makes Stripe do it once.
"""

import stripe
from celery import shared_task

from . import client


@shared_task(
    acks_late=True,
    autoretry_for=(stripe.APIConnectionError, stripe.APIError, stripe.RateLimitError),
    retry_backoff=True,
    max_retries=8,
)
def refund_late_payment(order_number, session_id, payment_intent):
    """Give back all the money that arrived for an order already cancelled."""
    refund = client.create_refund(
        payment_intent,
        amount=None,
        idempotency_key=f"late-payment-{session_id}",
        metadata={"order_number": order_number, "reason": "paid after cancellation"},
    )
    return refund.id
