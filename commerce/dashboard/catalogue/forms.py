"""Catalogue dashboard forms: stock levels typed on the product page go through the stock history.

Oscar's stock record form saves ``num_in_stock`` (and a possibly stale ``num_allocated``) straight
onto the row. Here the level is set by ``stock.set_level`` (row lock, refused below what orders
hold, history row "manual edit" with the user), and the other fields are saved without the levels.
"""

from django import forms
from django.conf import settings
from django.core.validators import DecimalValidator
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue.forms import ProductForm as OscarProductForm
from oscar.apps.dashboard.catalogue.forms import ProductImageForm as OscarProductImageForm
from oscar.apps.dashboard.catalogue.forms import SetProductPriceForm as OscarSetProductPriceForm
from oscar.apps.dashboard.catalogue.forms import StockRecordForm as OscarStockRecordForm
from oscar.core.loading import get_model

from commerce.core.images import ImageUploadField
from commerce.core.translated_fields import label_languages, per_language
from commerce.core.validation import BoundedIntegerField
from commerce.money.fields import MONEY_MAX_DIGITS
from commerce.partner import stock
from commerce.partner.selectors import partner_ids_for, partners_for

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
        if "low_stock_threshold" in fields:
            stock.threshold_changed(record)
        if "num_in_stock" in self.changed_data and level is not None:
            stock.set_level(record.pk, level, reason=StockMovement.MANUAL, by=self.user)
            record.refresh_from_db(fields=list(LEVEL_FIELDS))
        return record


class ProductForm(OscarProductForm):
    """Oscar's product form with the texts in each site language, the VAT class and keywords.

    French is the source language (required for products shoppers see); English and Arabic fall
    back to French on the storefront when left empty.
    """

    FIELD_FACTORIES = {
        **OscarProductForm.FIELD_FACTORIES,
        "integer": lambda attribute: BoundedIntegerField(label=attribute.name, required=attribute.required),
    }
    TEXT_FIELDS = ("title", "description")
    SEO_TEXT_FIELDS = ("meta_title", "meta_description")

    class Meta(OscarProductForm.Meta):
        fields = [
            *per_language("title"),
            "upc",
            "partner",
            *per_language("description"),
            "tax_class",
            "tags",
            "is_public",
            "is_discountable",
            "structure",
            "slug",
            *per_language("meta_title", "meta_description"),
        ]
        widgets = {
            "structure": forms.HiddenInput(),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in per_language("meta_description")},
        }

    seo_fields = ["slug", *per_language(*SEO_TEXT_FIELDS)]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        label_languages(self, *self.TEXT_FIELDS, *self.SEO_TEXT_FIELDS)
        self._set_up_owner(user)
        title = self.fields.get(f"title_{settings.LANGUAGE_CODE}")
        if title is not None:
            title.required = not self.instance.is_child
            title.widget.attrs["autocomplete"] = "off"

    def _set_up_owner(self, user):
        """The owning shop: chosen among the user's shops (required for sellers, so the product
        stays theirs without a stock record); a variant always belongs to its parent's shop."""
        field = self.fields.get("partner")
        if field is None:
            return
        if self.instance.is_child or user is None:
            del self.fields["partner"]
            return
        field.queryset = partners_for(user)
        if not user.is_staff:
            field.required = True
            field.empty_label = None
            if self.instance.partner_id is None and len(partner_ids_for(user)) == 1:
                self.initial["partner"] = partner_ids_for(user)[0]

    def delete_non_child_fields(self):
        for name in [
            "is_discountable",
            "tax_class",
            "tags",
            *per_language("description"),
        ]:
            self.fields.pop(name, None)


class SetProductPriceForm(OscarSetProductPriceForm):
    """Oscar's bulk price change, its amounts no longer than a price column holds (more answered 500)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField):
                field.max_digits = MONEY_MAX_DIGITS
                field.validators.append(DecimalValidator(MONEY_MAX_DIGITS, field.decimal_places))


class ProductImageForm(OscarProductImageForm):
    """Oscar's product image form; the image is limited in bytes and pixels and re-encoded."""

    class Meta(OscarProductImageForm.Meta):
        field_classes = {"original": ImageUploadField}
