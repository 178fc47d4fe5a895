"""Translated texts of experts (django-modeltranslation ``<field>_<language>`` columns): the
domain names admins translate and the bio experts write in French, English and Arabic."""

from modeltranslation.translator import TranslationOptions, register

from .models import Domain, ExpertProfile


@register(Domain)
class DomainTranslation(TranslationOptions):
    fields = ("name",)


@register(ExpertProfile)
class ExpertProfileTranslation(TranslationOptions):
    fields = ("bio",)
