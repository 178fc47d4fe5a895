"""Stock tasks: thin wrappers around ``alerts``; safe to run twice."""

from celery import shared_task

from . import back_in_stock
from .alerts import notify_seller_of_low_stock, pending_low_stock_alerts


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)  # one email
def send_low_stock_alert(stockrecord_id):
    """Tell the seller its stock record fell below the threshold (no-op if already told)."""
    alert = notify_seller_of_low_stock(stockrecord_id)
    return alert.pk if alert else None


@shared_task(acks_late=True)
def send_pending_low_stock_alerts():
    """Catch up on alerts whose after-commit task never ran (broker down at the time)."""
    sent = 0
    for stockrecord_id in pending_low_stock_alerts():
        sent += notify_seller_of_low_stock(stockrecord_id) is not None
    return sent


@shared_task(acks_late=True)
def send_back_in_stock_alerts(product_id):
    """Email the shoppers waiting for this product, now that it can be bought (closed once sent)."""
    back_in_stock.send_alerts(product_id)
