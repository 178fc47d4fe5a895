"""Background work of payments (each task is safe to run twice)."""

from datetime import timedelta

from celery import shared_task

from commerce.payment import refunds

#: A refund younger than this may still be waiting for Stripe's answer in the request that made it.
PENDING_GRACE = timedelta(minutes=2)


@shared_task(acks_late=True)
def complete_pending_refunds():
    """Finish refunds a crash or an unreachable Stripe left pending (Stripe refunds each once)."""
    return refunds.complete_pending_refunds(older_than=PENDING_GRACE)
