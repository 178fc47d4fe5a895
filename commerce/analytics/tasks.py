"""Analytics tasks: thin wrappers around ``counters``; safe to run twice."""

from celery import shared_task

from . import counters


@shared_task(acks_late=True)
def flush_product_views():
    """Move the product views counted in Redis into the database."""
    return counters.flush_views()
