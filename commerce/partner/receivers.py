"""Keeps low-stock alerts in step with stock records (replaces Oscar's receiver of the same job)."""

from .alerts import sync_low_stock_alert


def update_stock_alerts(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    sync_low_stock_alert(instance)
