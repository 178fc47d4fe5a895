"""Catalogue dashboard forms: stock levels typed on the product page go through the stock history.

Oscar's stock record form saves ``num_in_stock`` (and a possibly stale ``num_allocated``) straight
onto the row. Here the level is set by ``stock.set_level`` (row lock, refused below what orders
hold, history row "manual edit" with the user), and the other fields are saved without the levels.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue.forms import StockRecordForm as OscarStockRecordForm
from oscar.core.loading import get_model

from commerce.partner import stock

StockMovement = get_model("partner", "StockMovement")

LEVEL_FIELDS = ("num_in_stock", "num_allocated")


class StockRecordForm(OscarStockRecordForm):
    def clean_num_in_stock(self):
        level = self.cleaned_data.get("num_in_stock")
        held = (self.instance.num_allocated or 0) if self.instance.pk else 0
        if level is not None and level < held:
            raise forms.ValidationError(
                _("%(held)d units are held for orders; stock cannot go below that.") % {"held": held}
            )
        return level

    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        record = self.instance
        level = self.cleaned_data.get("num_in_stock")
        if record.pk is None:
            record = super().save()
            stock.record_initial_level(record, by=self.user)
            return record
        # Save everything but the levels from fresh values, then the level through the history.
        record.refresh_from_db(fields=list(LEVEL_FIELDS))
        fields = [name for name in self.changed_data if name in self.fields and name not in LEVEL_FIELDS]
        if fields:
            record.save(update_fields=[*fields, "date_updated"])
        if "num_in_stock" in self.changed_data and level is not None:
            stock.set_level(record.pk, level, reason=StockMovement.MANUAL, by=self.user)
            record.refresh_from_db(fields=list(LEVEL_FIELDS))
        return record
