"""Celery tasks of the help centre (thin)."""

from celery import shared_task


@shared_task(acks_late=True)
def send_feedback_digest():
    """Daily: the last 24 hours of "was this helpful?" answers, emailed to Support."""
    from .services import send_feedback_digest as send  # loads the page models: only when it runs

    return send()
