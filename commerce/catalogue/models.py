"""Oscar's catalogue with a VAT class, keywords and an owning shop per product; texts are translated
(translation.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct
from taggit.managers import TaggableManager

from commerce.core.html import seller_text


class Product(AbstractProduct):
    """A product; its VAT class decides the rate included in its price (variants use the parent's)."""

    STANDARD, INTERMEDIATE, REDUCED, EXEMPT = "standard", "intermediate", "reduced", "exempt"
    TAX_CLASSES = (
        (STANDARD, _("Standard VAT (19 %)")),
        (INTERMEDIATE, _("Intermediate VAT (13 %)")),
        (REDUCED, _("Reduced VAT (7 %)")),
        (EXEMPT, _("VAT exempt (0 %)")),
    )

    tax_class = models.CharField(_("VAT class"), max_length=16, choices=TAX_CLASSES, default=STANDARD)
    #: Keywords shoppers may search with (searched and shown as tags, not translated).
    tags = TaggableManager(
        _("keywords"), blank=True, help_text=_("Comma-separated words shoppers may search for.")
    )

    #: The shop that owns the product and may change it in the dashboard (variants: the parent's).
    #: Explicit, so a product whose last stock record is deleted (or a parent, which has none) stays
    #: its seller's; ``None`` for the platform's own products.
    partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("shop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
    )

    def get_meta_description(self):
        """Oscar's, with the description read as a seller's HTML: a script's text never reaches the
        page's <meta name="description">."""
        meta_description = self.meta_description
        if not meta_description and self.is_child:
            meta_description = self.parent.meta_description
        return meta_description or seller_text(self.description)

    def get_tax_class(self):
        return self.parent.tax_class if self.is_child and self.parent_id else self.tax_class

    def save(self, *args, **kwargs):
        if self.is_child and self.parent_id and self.partner_id is None:
            self.partner_id = self.parent.partner_id
        super().save(*args, **kwargs)


from oscar.apps.catalogue.models import *  # noqa: E402, F403 isort:skip
