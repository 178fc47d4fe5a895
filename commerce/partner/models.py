"""Oscar's partner models: prices to the millime, stock that cannot be oversold, and its history."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractStockRecord

from commerce.money.fields import money_field


class StockRecord(AbstractStockRecord):
    """A seller's offer of a product; the database refuses allocating more than is in stock."""

    price = money_field(_("Price"), blank=True, null=True)

    class Meta(AbstractStockRecord.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(num_in_stock__isnull=True) | Q(num_in_stock__gte=0),
                name="partner_stockrecord_stock_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(num_allocated__isnull=True)
                | Q(num_in_stock__isnull=True)
                | Q(num_allocated__gte=0, num_allocated__lte=F("num_in_stock")),
                name="partner_stockrecord_allocation_within_stock",
            ),
        ]


class StockMovement(models.Model):
    """One change of a stock record's levels: who, when, why (sale, cancellation, edit, import …)."""

    SALE = "sale"
    CANCELLATION = "cancellation"
    SHIPMENT = "shipment"
    REFUND = "refund"
    MANUAL = "manual"
    IMPORT = "import"
    REASONS = (
        (SALE, _("Sale")),
        (CANCELLATION, _("Cancellation")),
        (SHIPMENT, _("Shipment")),
        (REFUND, _("Refund")),
        (MANUAL, _("Manual edit")),
        (IMPORT, _("Import")),
    )

    stockrecord = models.ForeignKey("partner.StockRecord", on_delete=models.CASCADE, related_name="movements")
    reason = models.CharField(_("reason"), max_length=16, choices=REASONS)
    in_stock_change = models.IntegerField(_("change in stock"), default=0)
    allocated_change = models.IntegerField(_("change in allocated"), default=0)
    num_in_stock_after = models.IntegerField(_("in stock after"), null=True)
    num_allocated_after = models.IntegerField(_("allocated after"), null=True)
    order_line = models.ForeignKey(
        "order.Line", null=True, blank=True, on_delete=models.SET_NULL, related_name="stock_movements"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    date_created = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        app_label = "partner"
        ordering = ["-date_created", "-pk"]
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")

    def __str__(self):
        return f"{self.stockrecord_id} {self.reason} {self.in_stock_change:+d}/{self.allocated_change:+d}"


from oscar.apps.partner.models import *  # noqa: E402, F403 isort:skip
