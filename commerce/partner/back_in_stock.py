"""Shoppers' "tell me when it is back" alerts (Oscar's ``ProductAlert``), sent after commit.

Oscar checks them on every stock record save, inside the request: three queries and a log line on
each sale, and the emails sent while the shopper's checkout waits. Here (``OSCAR_EAGER_ALERTS`` off)
a save only asks whether anyone waits for this product when the record can sell something, and the
emails leave through Celery after commit, with Oscar's own dispatcher (which closes each alert it
sends, so running it twice sends nothing twice).
"""

from django.db import transaction
from django.utils import translation
from oscar.core.loading import get_class, get_model

from commerce.communication.utils import language_of

ProductAlert = get_model("customer", "ProductAlert")
Product = get_model("catalogue", "Product")
AlertsDispatcher = get_class("customer.alerts.utils", "AlertsDispatcher")


class BackInStockDispatcher(AlertsDispatcher):
    """Oscar's alerts dispatcher; the site notification is written in its recipient's language too
    (the email already is: see commerce/communication/utils.py)."""

    def notify_user_about_product_alert(self, user, context):
        with translation.override(language_of(user)):
            super().notify_user_about_product_alert(user, context)


def _can_sell(stockrecord):
    return stockrecord.num_in_stock is None or stockrecord.net_stock_level > 0


def queue_alerts(stockrecord):
    """After a stock record change (``stock.py``): if it can sell and shoppers wait for its product,
    alert them after commit."""
    if not _can_sell(stockrecord):
        return
    product = stockrecord.product  # loaded with the record by the stock service
    waiting = ProductAlert.objects.filter(
        product_id__in=[pk for pk in (product.pk, product.parent_id) if pk], status=ProductAlert.ACTIVE
    )
    if waiting.exists():
        from .tasks import send_back_in_stock_alerts  # tasks imports this module

        transaction.on_commit(lambda: send_back_in_stock_alerts.delay(product.pk))


def send_alerts(product_id):
    product = Product.objects.filter(pk=product_id).first()
    if product is not None:
        BackInStockDispatcher().send_product_alert_email_for_user(product)
