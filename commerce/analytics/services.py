"""Analytics counters written by the code that causes them (an order's once it commits).

The product page (``catalogue/views.py``), the add-to-basket view (``basket/views.py``) and the
checkout (``checkout/services.py``) call these; Oscar's receivers of the same signals are never
connected. Oscar's own receivers catch the IntegrityError of a counter row created twice at once,
but on PostgreSQL that error has already aborted the surrounding transaction, so one shopper's order
would fail because another bought the same product. Here each counter write runs in its own
savepoint (``counters.increment``), an order's counters after it commits (outside the checkout's
stock locks), and product views are added up in Redis first (``counters.count_view``).
"""

from functools import partial

from django.db import transaction
from oscar.core.loading import get_model

from . import counters
from .counters import increment

Order = get_model("order", "Order")
ProductRecord = get_model("analytics", "ProductRecord")
UserProductView = get_model("analytics", "UserProductView")
UserRecord = get_model("analytics", "UserRecord")


def record_product_view(product_id, user):
    """A product page was served to ``user`` (anonymous or not). Counted at once: a view is added up
    in Redis (``count_view``) and a signed-in shopper's rows are written in their own savepoint."""
    counters.count_view(product_id)
    if user and user.is_authenticated:
        increment(UserRecord, {"user": user}, {"num_product_views": 1})
        UserProductView.objects.create(product_id=product_id, user=user)


def record_basket_addition(product_id, user):
    """``user`` added a product to a basket; each counter in its own savepoint (``increment``)."""
    increment(ProductRecord, {"product_id": product_id}, {"num_basket_additions": 1})
    if user and user.is_authenticated:
        increment(UserRecord, {"user": user}, {"num_basket_additions": 1})


def record_order_on_commit(order, lines):
    """An order was placed: count its purchases and its buyer's spending once it is committed.

    ``lines`` are the order's ``(product_id, quantity)`` as its creator wrote them, so nothing is
    read back after the commit."""
    transaction.on_commit(
        partial(_record, order.user_id, list(lines), order.total_incl_tax, order.date_placed), robust=True
    )


def record_order(order_id):
    """Count an order already committed (read back from the database)."""
    order = Order.objects.filter(pk=order_id).prefetch_related("lines").first()
    if order is None:
        return
    lines = [(line.product_id, line.quantity) for line in order.lines.all()]
    _record(order.user_id, lines, order.total_incl_tax, order.date_placed)


def _record(user_id, lines, total, date_placed):
    """Each counter in its own savepoint (``increment``); the buyer's only for a signed-in buyer."""
    with transaction.atomic():
        for product_id, quantity in lines:
            if product_id:
                increment(ProductRecord, {"product_id": product_id}, {"num_purchases": quantity})
        if user_id:
            amounts = {
                "num_orders": 1,
                "num_order_lines": len(lines),
                "num_order_items": sum(quantity for _product_id, quantity in lines),
                "total_spent": total,
            }
            increment(UserRecord, {"user_id": user_id}, amounts, date_last_order=date_placed)
