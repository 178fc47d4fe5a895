"""Order and line statuses of the marketplace, and which status may follow which.

Card orders start as ``PENDING_PAYMENT`` and become ``PAID`` on Stripe's webhook; cash-on-delivery
orders start as ``PROCESSING`` (confirmed, unpaid) and are marked paid when delivered. A seller's
lines may move on their own (one seller ships before another), hence the same pipeline per line.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

PENDING_PAYMENT = "pending-payment"
PAID = "paid"
PROCESSING = "processing"
SHIPPED = "shipped"
DELIVERED = "delivered"
CANCELLED = "cancelled"
REFUNDED = "refunded"

LABELS = {
    PENDING_PAYMENT: _("Pending payment"),
    PAID: _("Paid"),
    PROCESSING: _("Processing"),
    SHIPPED: _("Shipped"),
    DELIVERED: _("Delivered"),
    CANCELLED: _("Cancelled"),
    REFUNDED: _("Refunded"),
}

#: Which status may follow which (Oscar reads the same pipeline from settings).
PIPELINE = settings.OSCAR_ORDER_STATUS_PIPELINE

#: Statuses after which no stock is held any more (released back to the seller).
RELEASES_STOCK = (CANCELLED,)


def label(status):
    return LABELS.get(status, status)
