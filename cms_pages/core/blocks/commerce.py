"""Live commerce blocks: they store product and category ids only, and the page loads every
product its blocks show in one batch (``..products.CommerceLoader``), so prices and stock are always
current and the number of queries does not grow with the number of products."""

import json

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import StructBlock, public_paths


class IdChooserBlock(blocks.ChooserBlock):
    """A chooser whose value is the chosen object's id, not the instance (no query per block)."""

    def to_python(self, value):
        return _as_id(value)

    def bulk_to_python(self, values):
        return [_as_id(value) for value in values]

    def normalize(self, value):
        return _as_id(value)

    def get_prep_value(self, value):
        return _as_id(value)

    def value_from_form(self, value):
        return _as_id(value)

    def value_for_form(self, value):
        return _as_id(value)

    def extract_references(self, value):
        if value is not None:
            yield self.model_class, str(value), "", ""

    def clean(self, value):
        return _as_id(self.field.clean(_as_id(value)))


def _as_id(value):
    if value in (None, ""):
        return None
    return int(getattr(value, "pk", value))


class ProductChooserBlock(IdChooserBlock):
    target_model = "catalogue.Product"

    @cached_property
    def widget(self):
        from ..choosers import product_chooser_viewset

        return product_chooser_viewset.widget_class()

    class Meta:
        icon = "tag"


class CategoryChooserBlock(IdChooserBlock):
    target_model = "catalogue.Category"

    @cached_property
    def widget(self):
        from ..choosers import category_chooser_viewset

        return category_chooser_viewset.widget_class()

    class Meta:
        icon = "folder-open-1"


def _loader(parent_context, value):
    """The page's batch loader, or one for this block alone (block previews, blocks outside a page)."""
    from ..products import CommerceLoader

    loader = (parent_context or {}).get("commerce")
    if loader is None:
        loader = CommerceLoader.for_block_values([value])
    return loader


PRODUCT_SOURCES = [
    ("hand_picked", _("Products I choose")),
    ("category", _("A category")),
    ("best_sellers", _("Best-sellers (last 30 days)")),
    ("bought_together", _("Often bought together (last 30 days)")),
    ("newest", _("Newest products")),
]
#: The product grid's fields each source uses; the editor shows only the chosen source's
#: (static/cms_core/js/product_grid_source.js). The title is always shown.
SOURCE_FIELDS = {
    "hand_picked": ["products"],
    "category": ["category", "count"],
    "best_sellers": ["count"],
    "bought_together": ["anchor", "count"],
    "newest": ["count"],
}


class ProductGridBlock(StructBlock):
    """Product cards with the current price and stock, from a choice, a category or recent orders."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    source = blocks.ChoiceBlock(label=_("Products to show"), choices=PRODUCT_SOURCES, default="hand_picked")
    products = blocks.ListBlock(ProductChooserBlock(), label=_("Chosen products"), default=[], max_num=24)
    category = CategoryChooserBlock(label=_("Category"), required=False)
    anchor = ProductChooserBlock(
        label=_("Bought together with"),
        required=False,
        help_text=_("For “often bought together”: leave empty for the shop's most frequent combinations."),
    )
    count = blocks.IntegerBlock(label=_("How many"), default=8, min_value=1, max_value=24)

    def clean(self, value):
        value = super().clean(value)
        if value["source"] == "hand_picked" and not value.get("products"):
            raise StructBlockValidationError({"products": ValidationError(_("Choose at least one product."))})
        if value["source"] == "category" and not value.get("category"):
            raise StructBlockValidationError({"category": ValidationError(_("Choose a category."))})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["products"] = _loader(parent_context, value).products_for(value)
        return context

    class Meta:
        icon = "tag"
        template = "cms_core/blocks/product_grid.html"
        description = _(
            "Product cards with live price and stock: chosen, from a category or from recent orders."
        )
        preview_value = {"title": "Nouveautés", "source": "newest", "count": 4}
        form_attrs = {
            "data-controller": "product-grid-source",
            "data-product-grid-source-fields-value": json.dumps(SOURCE_FIELDS),
        }


class ProductHighlightBlock(StructBlock):
    """One product in the spotlight, with its live price, stock and an add-to-basket button."""

    product = ProductChooserBlock(label=_("Product"))
    headline = blocks.CharBlock(label=_("Headline"), required=False, max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["product"] = _loader(parent_context, value).product(value.get("product"))
        return context

    class Meta:
        icon = "pick"
        template = "cms_core/blocks/product_highlight.html"
        description = _("One product in the spotlight with an add-to-basket button.")


DECONSTRUCT_ALIASES = public_paths(
    IdChooserBlock, ProductChooserBlock, CategoryChooserBlock, ProductGridBlock, ProductHighlightBlock
)
