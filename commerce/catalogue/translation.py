"""Product texts in French (source), English and Arabic, falling back to French when missing.

django-modeltranslation adds ``title_fr``/``title_en``/``title_ar`` … columns; ``product.title``
reads the active language's column with the fallback, so Oscar's views and templates need no change.
"""

from modeltranslation.translator import TranslationOptions, register
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
AttributeOption = get_model("catalogue", "AttributeOption")
ProductImage = get_model("catalogue", "ProductImage")


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("title", "description", "meta_title", "meta_description")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description", "meta_title", "meta_description")


@register(ProductClass)
class ProductClassTranslation(TranslationOptions):
    fields = ("name",)


@register(ProductAttribute)
class ProductAttributeTranslation(TranslationOptions):
    fields = ("name",)


@register(AttributeOption)
class AttributeOptionTranslation(TranslationOptions):
    """Option values are what shoppers pick (a variant's size or colour), so they are texts to translate.

    Variant dimensions are option attributes for this reason: Oscar saves free-text attribute values
    with ``bulk_update`` on the untranslated column, which would leave the translated ones stale.
    """

    fields = ("option",)


@register(ProductImage)
class ProductImageTranslation(TranslationOptions):
    """The caption is the picture's alternative text, read in the shopper's language."""

    fields = ("caption",)
