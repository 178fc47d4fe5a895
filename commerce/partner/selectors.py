"""Which shops, stock records and stock history a dashboard user may see.

Staff see every shop; anyone else only the partners they are linked to (``partner.users``). Every
seller-facing query starts from these, so scoping lives in one place.
"""

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.db.models.functions import Coalesce
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
StockAlert = get_model("partner", "StockAlert")


def partner_ids_for(user):
    """Ids of the user's own shops (cached on the user object for the request)."""
    if not hasattr(user, "_shop_partner_ids"):
        user._shop_partner_ids = list(Partner.objects.filter(users=user).values_list("pk", flat=True))
    return user._shop_partner_ids


def partners_for(user):
    """Shops a dashboard user may manage: all for staff, else its own."""
    if user.is_staff:
        return Partner.objects.all()
    return Partner.objects.filter(pk__in=partner_ids_for(user))


def stockrecords_for(user):
    """Stock records a dashboard user may see and change."""
    records = StockRecord.objects.select_related("partner", "product__parent", "product__product_class")
    if user.is_staff:
        return records
    return records.filter(partner_id__in=partner_ids_for(user))


def with_low_flag(records):
    """``records`` each with its low-stock ``threshold`` (its own, else
    ``SELLERS_LOW_STOCK_THRESHOLD``) and ``low``: counted, and available stock below it. The rule
    of ``alerts.is_low`` in SQL, read by the stock page's flags and filter and the dashboard home's
    count alike (alert rows only record when a seller was told; records written without the stock
    service have none)."""
    threshold = Coalesce("low_stock_threshold", Value(settings.SELLERS_LOW_STOCK_THRESHOLD))
    is_low = Q(num_in_stock__isnull=False, num_in_stock__lt=Coalesce("num_allocated", 0) + threshold)
    return records.annotate(threshold=threshold, low=ExpressionWrapper(is_low, output_field=BooleanField()))


def low_stock(records):
    """The ``records`` low on stock (``with_low_flag``)."""
    return with_low_flag(records).filter(low=True)


def stock_alerts_for(user):
    alerts = StockAlert.objects.select_related("stockrecord__partner", "stockrecord__product__parent")
    if user.is_staff:
        return alerts
    return alerts.filter(stockrecord__partner_id__in=partner_ids_for(user))


def movements_for(user, *, stockrecord=None, product=None):
    """Stock history, newest first, of one stock record or of a product and its variants."""
    movements = StockMovement.objects.select_related(
        "stockrecord__partner", "stockrecord__product__parent", "changed_by", "order_line__order"
    )
    if not user.is_staff:
        movements = movements.filter(stockrecord__partner_id__in=partner_ids_for(user))
    if stockrecord is not None:
        movements = movements.filter(stockrecord=stockrecord)
    if product is not None:
        movements = movements.filter(
            Q(stockrecord__product=product) | Q(stockrecord__product__parent=product)
        )
    return movements
