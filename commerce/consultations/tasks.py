"""Beat's consultation work (safe to run twice, or twice at once)."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def expire_due_messages():
    """Give back the coins of questions past their deadline (every minute)."""
    return services.expire_due()
