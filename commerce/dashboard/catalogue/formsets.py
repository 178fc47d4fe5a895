"""Stock record formset: a product's owning shop keeps it its seller's, so a stock record is optional.

Oscar makes a seller save every product with one of its stock records, because that is the only way
it knows whose a product is. Here the product names its shop (``Product.partner``): a parent (which
sells through its variants and may have no stock record) and a product whose last record is deleted
stay the seller's. The records a seller writes belong to the product's shop.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue.formsets import StockRecordFormSet as OscarStockRecordFormSet

from commerce.partner.selectors import partner_ids_for


class StockRecordFormSet(OscarStockRecordFormSet):
    def __init__(self, product_class, user, *args, **kwargs):
        super().__init__(product_class, user, *args, **kwargs)
        product = kwargs.get("instance")
        self.owner_id = product.partner_id if product is not None else None
        if self.owner_id is not None and (user.is_staff or self.owner_id in partner_ids_for(user)):
            self.require_user_stockrecord = False

    def set_initial_data(self):
        # Oscar reads the first row unguarded; a parent's page may post no row at all.
        if self.forms:
            super().set_initial_data()

    def clean(self):
        super().clean()
        if any(self.errors) or self.user.is_staff or self.owner_id is None:
            return
        for form in self.forms:
            partner = form.cleaned_data.get("partner")
            if partner is not None and not form.cleaned_data.get("DELETE") and partner.pk != self.owner_id:
                raise ValidationError(_("A product's stock records belong to the product's shop."))

    def filled_forms(self):
        """The rows that keep or add a stock record (not deleted, not left empty)."""
        return [
            form
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not (self.can_delete and self._should_delete_form(form))
        ]
