"""Oscar's order creator, for a marketplace: commission per seller line, stock held without overselling.

Oscar allocates stock without checking it (the basket checked earlier, without a lock). Here the
lines are created first, then all their stock is allocated at once through
``commerce.partner.stock.allocate`` (rows locked in primary-key order, availability checked under
the lock); ``InsufficientStock`` rolls the whole order back.
"""

from decimal import Decimal

from django.conf import settings
from oscar.apps.order.utils import OrderCreator as OscarOrderCreator
from oscar.apps.order.utils import OrderNumberGenerator  # noqa: F401 - Oscar loads it from here

from commerce.money.fields import to_millimes
from commerce.partner import stock


def commission_rate(partner):
    """The seller's own rate when it has one, else the platform default."""
    rate = getattr(partner, "commission_rate", None)
    return Decimal(rate if rate is not None else settings.SELLERS_DEFAULT_COMMISSION_RATE)


class OrderCreator(OscarOrderCreator):
    def place_order(self, *args, status=None, **kwargs):
        """Lines start in the order's status (one pipeline for both), not a later UPDATE of them."""
        self._allocations = []
        self._line_status = status
        order = super().place_order(*args, status=status, **kwargs)
        stock.allocate(self._allocations, by=order.user)
        return order

    def create_line_models(self, order, basket_line, extra_line_fields=None):
        # The line is sold at today's VAT class, as it was priced, not the one its basket line was
        # created with (Oscar copies ``basket_line.tax_code`` onto the order line and its prices).
        basket_line.tax_code = basket_line.purchase_info.price.tax_code or basket_line.tax_code
        rate = commission_rate(basket_line.stockrecord.partner)
        extra = dict(extra_line_fields or {})
        if self._line_status:
            extra.setdefault("status", self._line_status)
        extra["commission_rate"] = rate
        extra["commission_amount"] = to_millimes(basket_line.line_price_incl_tax_incl_discounts * rate)
        order_line = super().create_line_models(order, basket_line, extra)
        self._allocations.append((order_line.stockrecord_id, order_line.quantity, order_line))
        return order_line

    def update_stock_records(self, line):
        """Allocation happens once for all lines at the end of ``place_order``."""
