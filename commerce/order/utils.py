"""Oscar's order creator, for a marketplace: commission per seller line, stock held without overselling.

Oscar allocates stock without checking it (the basket checked earlier, without a lock). Here the
lines are created first, then all their stock is allocated at once through
``commerce.partner.stock.allocate`` (rows locked in primary-key order, availability checked under
the lock); ``InsufficientStock`` rolls the whole order back.
"""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.order.signals import order_placed
from oscar.apps.order.utils import OrderCreator as OscarOrderCreator
from oscar.apps.order.utils import OrderNumberGenerator  # noqa: F401 - Oscar loads it from here

from commerce.money.fields import to_millimes
from commerce.partner import stock


def commission_rate(partner):
    """The seller's own rate when it has one, else the platform default."""
    rate = getattr(partner, "commission_rate", None)
    return Decimal(rate if rate is not None else settings.SELLERS_DEFAULT_COMMISSION_RATE)


class OrderCreator(OscarOrderCreator):
    def place_order(
        self,
        basket,
        total,
        shipping_method,
        shipping_charge,
        user=None,
        shipping_address=None,
        billing_address=None,
        order_number=None,
        status=None,
        request=None,
        surcharges=None,
        **kwargs,
    ):
        """Oscar's, with the lines created in the order's status (one pipeline for both, not a
        later UPDATE of them) and their stock held at once under row locks, and two reads fewer:

        - the basket's vouchers are locked and read once (Oscar reads them again to record their
          use);
        - the order number is not looked up first: ``Order.number`` is unique, so a number taken
          meanwhile fails the insert and rolls the order back (the checkout numbers a basket's
          second attempt itself, ``checkout.services.order_number_for``).
        """
        if basket.is_empty:
            raise ValueError(_("Empty baskets cannot be submitted"))
        if not order_number:
            order_number = OrderNumberGenerator().order_number(basket)
        if not status and hasattr(settings, "OSCAR_INITIAL_ORDER_STATUS"):
            status = settings.OSCAR_INITIAL_ORDER_STATUS
        self._allocations = []
        self._line_status = status
        with transaction.atomic():
            kwargs["surcharges"] = surcharges
            order = self.create_order_model(
                user,
                basket,
                shipping_address,
                shipping_method,
                shipping_charge,
                billing_address,
                total,
                order_number,
                status,
                request,
                **kwargs,
            )
            vouchers = []
            for voucher in basket.vouchers.select_for_update():
                if not voucher.is_active():  # the basket ignores inactive vouchers
                    basket.vouchers.remove(voucher)
                    continue
                available_to_user, message = voucher.is_available_to_user(user=user)
                if not available_to_user:
                    raise ValueError(message)
                vouchers.append(voucher)
            for application in basket.offer_applications:
                application["message"] = application["offer"].apply_deferred_benefit(
                    basket, order, application
                )
                if application["result"].affects_shipping:
                    shipping_discount = shipping_method.discount(basket)
                    if shipping_discount <= Decimal("0.00"):
                        continue
                    application["discount"] = shipping_discount
                self.create_discount_model(order, application)
                self.record_discount(application)
            for voucher in vouchers:
                self.record_voucher_usage(order, voucher, user)
            for line in basket.all_lines():
                self.create_line_models(order, line)
            stock.allocate(self._allocations, by=order.user)
        order_placed.send(sender=self, order=order, user=user)
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
        """Allocation happens once for all lines in ``place_order``."""
