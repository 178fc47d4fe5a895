"""Shoppers' "tell me when it is back" alerts (Oscar's ``ProductAlert``), told through ``notify()``.

Oscar checks them on every stock record save, inside the request: three queries and a log line on
each sale, and the emails sent while the shopper's checkout waits. Here (``OSCAR_EAGER_ALERTS`` off)
a save only asks whether anyone waits for this product when the record can sell something, and a
Celery task after commit tells each waiting shopper (a signed-in one in-app too, a guest by email)
and closes the alert in the same transaction; the notification's key is the alert, so running it
twice tells nobody twice. The email keeps Oscar's ``PRODUCT_ALERT`` communication event type (its
templates, overridable from the dashboard, and the shopper's email history).
"""

import logging

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class, get_model

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, WEBPUSH, Event, register

logger = logging.getLogger(__name__)

ProductAlert = get_model("customer", "ProductAlert")
Product = get_model("catalogue", "Product")
Dispatcher = get_class("communication.utils", "Dispatcher")
Selector = get_class("partner.strategy", "Selector")

BACK_IN_STOCK = "catalogue.back_in_stock"
#: Oscar's communication event type whose templates the email uses.
PRODUCT_ALERT = "PRODUCT_ALERT"


def _messages(context):
    alert = ProductAlert.objects.select_related("product", "user").get(pk=context["alert"])
    extra = {"alert": alert, "hurry": context.get("hurry", False)}
    return alert, Dispatcher(logger=logger).get_messages(PRODUCT_ALERT, extra)


def _render(context):
    alert, messages = _messages(context)
    return {"title": messages["subject"], "body": "", "url": alert.product.get_absolute_url()}


def _email(notification):
    """Oscar's dispatcher sends it (and records it in a signed-in shopper's email history)."""
    alert, messages = _messages({**notification.context, "language": notification.language})
    dispatcher = Dispatcher(logger=logger)
    if alert.user_id:
        dispatcher.dispatch_user_messages(alert.user, messages)
    else:
        dispatcher.dispatch_direct_messages(alert.get_email_address(), messages)


register(
    Event(
        code=BACK_IN_STOCK,
        label=_("Back in stock"),
        render=_render,
        email=_email,
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    )
)


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


@transaction.atomic
def send_alerts(product_id):
    """Tell every shopper waiting for this product who can buy it now; close their alerts.

    "Hurry" (few left) as Oscar says it: more people waiting than the best stock record holds.
    """
    product = Product.objects.filter(pk=product_id).first()
    if product is None or not product.stockrecords.exists():
        return 0
    product_ids = [pk for pk in (product.pk, product.parent_id) if pk]
    alerts = list(
        ProductAlert.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(product_id__in=product_ids, status=ProductAlert.ACTIVE)
        .order_by("pk")
    )
    in_stock = product.stockrecords.aggregate(most=Max("num_in_stock"))["most"]
    hurry = in_stock is not None and len(alerts) > in_stock
    selector = Selector()
    told = 0
    for alert in alerts:
        if not selector.strategy(user=alert.user).fetch_for_product(product).availability.is_available_to_buy:
            continue
        recipient = alert.user if alert.user_id else alert.get_email_address()
        notify(recipient, BACK_IN_STOCK, {"alert": alert.pk, "hurry": hurry}, key=f"alert-{alert.pk}")
        alert.close()
        told += 1
    return told
