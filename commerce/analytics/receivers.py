"""Oscar's analytics counters, made safe for concurrent checkouts.

Oscar's receivers catch the IntegrityError of a counter row created twice at once, but on
PostgreSQL that error has already aborted the surrounding transaction, so one shopper's order fails
because another bought the same product. Here each counter write runs in its own savepoint
(``counters.increment``), order counters are written after the order commits, outside the
checkout's stock locks, and product views are added up in Redis first (``counters.count_view``).
"""

import logging
from functools import partial

from django.db import transaction
from django.dispatch import receiver
from oscar.apps.basket.signals import basket_addition
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from . import counters
from .counters import increment

ProductRecord = get_model("analytics", "ProductRecord")
UserProductView = get_model("analytics", "UserProductView")
UserRecord = get_model("analytics", "UserRecord")

logger = logging.getLogger(__name__)


def record_order(order_id):
    Order = get_model("order", "Order")
    order = Order.objects.filter(pk=order_id).prefetch_related("lines").first()
    if order is None:
        return
    with transaction.atomic():
        for line in order.lines.all():
            if line.product_id:
                increment(ProductRecord, {"product_id": line.product_id}, {"num_purchases": line.quantity})
        if order.user_id:
            amounts = {
                "num_orders": 1,
                "num_order_lines": order.num_lines,
                "num_order_items": order.num_items,
                "total_spent": order.total_incl_tax,
            }
            increment(UserRecord, {"user_id": order.user_id}, amounts, date_last_order=order.date_placed)


@receiver(product_viewed, dispatch_uid="analytics.product_viewed")
def receive_product_view(sender, product, user, **kwargs):
    counters.count_view(product.pk)
    if user and user.is_authenticated:
        increment(UserRecord, {"user": user}, {"num_product_views": 1})
        UserProductView.objects.create(product=product, user=user)


@receiver(basket_addition, dispatch_uid="analytics.basket_addition")
def receive_basket_addition(sender, product, user, **kwargs):
    increment(ProductRecord, {"product": product}, {"num_basket_additions": 1})
    if user and user.is_authenticated:
        increment(UserRecord, {"user": user}, {"num_basket_additions": 1})


@receiver(order_placed, dispatch_uid="analytics.order_placed")
def receive_order_placed(sender, order, user, **kwargs):
    transaction.on_commit(partial(record_order, order.pk), robust=True)
