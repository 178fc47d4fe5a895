"""A shop's description in French (source), English and Arabic, falling back to French when missing.

The same pattern as product texts (``catalogue/translation.py``): ``description_fr`` … columns, and
``shop.description`` reads the active language's.
"""

from modeltranslation.translator import TranslationOptions, register
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("description",)
