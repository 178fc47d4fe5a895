"""Low-stock alerts: one open alert per stock record while it is low, and the seller told once.

Oscar opens and closes ``StockAlert`` rows when a stock record is saved; this replaces its receiver
so a record without its own ``low_stock_threshold`` uses ``SELLERS_LOW_STOCK_THRESHOLD``, and so
the seller hears about each crossing exactly once: the alert is opened when available stock falls
below the threshold (not again while it stays low), closed when stock goes back up, and a new
crossing opens a new alert. The email and dashboard notification leave after commit, through Celery.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from .notifications import send_low_stock_messages

StockAlert = get_model("partner", "StockAlert")


def low_stock_threshold(stockrecord):
    """The record's own threshold, else the platform default; ``None`` when stock is not counted."""
    if stockrecord.num_in_stock is None:
        return None
    if stockrecord.low_stock_threshold is not None:
        return stockrecord.low_stock_threshold
    return settings.SELLERS_LOW_STOCK_THRESHOLD


def is_low(stockrecord):
    threshold = low_stock_threshold(stockrecord)
    return threshold is not None and stockrecord.net_stock_level < threshold


def sync_low_stock_alert(stockrecord, *, fell=False):
    """Open or close the record's alert to match its level; a newly opened alert notifies the seller.

    Called by ``stock.py`` with fresh levels after every change. The partial unique index on open
    alerts makes a concurrent duplicate a no-op instead of an error. After a sale (``fell``) that
    leaves the record above its threshold, it was above it before too, so no alert can be open and
    nothing is read.
    """
    if fell and not is_low(stockrecord):
        return
    open_alert = StockAlert.objects.filter(stockrecord_id=stockrecord.pk, status=StockAlert.OPEN).first()
    if is_low(stockrecord):
        if open_alert is None:
            StockAlert.objects.bulk_create(
                [StockAlert(stockrecord_id=stockrecord.pk, threshold=low_stock_threshold(stockrecord))],
                ignore_conflicts=True,
            )
            _notify_after_commit(stockrecord.pk)
    elif open_alert is not None:
        open_alert.close()


def _notify_after_commit(stockrecord_id):
    from .tasks import send_low_stock_alert  # tasks imports this module

    transaction.on_commit(lambda: send_low_stock_alert.delay(stockrecord_id))


def pending_low_stock_alerts(older_than=timedelta(minutes=5)):
    """Stock records with an open alert nobody was told about (its task was lost), oldest first."""
    cutoff = timezone.now() - older_than
    return list(
        StockAlert.objects.filter(status=StockAlert.OPEN, notified_at__isnull=True, date_created__lt=cutoff)
        .order_by("date_created")
        .values_list("stockrecord_id", flat=True)
    )


@transaction.atomic
def notify_seller_of_low_stock(stockrecord_id):
    """Email the shop's users and leave them a dashboard notification, once per open alert.

    Safe to run twice: the open alert is locked and marked notified in the same transaction as the
    notifications are written. Returns the alert notified, or ``None`` when there was nothing to do
    (already notified, or stock went back up before the task ran).
    """

    alert = (
        StockAlert.objects.select_for_update(of=("self",))
        .select_related("stockrecord__partner", "stockrecord__product__parent")
        .filter(stockrecord_id=stockrecord_id, status=StockAlert.OPEN, notified_at__isnull=True)
        .first()
    )
    if alert is None:
        return None
    send_low_stock_messages(alert)
    alert.notified_at = timezone.now()
    alert.save(update_fields=["notified_at"])
    return alert
