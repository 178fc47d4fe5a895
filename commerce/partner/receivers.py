"""Stock record saves: low-stock alerts for the seller (replaces Oscar's receiver of the same job)
and back-in-stock alerts for shoppers (replaces Oscar's eager one)."""

from . import back_in_stock
from .alerts import sync_low_stock_alert


def update_stock_alerts(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    sync_low_stock_alert(instance)


def queue_back_in_stock_alerts(sender, instance, raw=False, **kwargs):
    if not raw:
        back_in_stock.queue_alerts(instance)
