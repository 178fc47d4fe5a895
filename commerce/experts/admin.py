"""Django admin: platform admins manage and translate the domains of expertise here; applications
are reviewed in the dashboard's review queue (documents never open from this admin)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Domain


@admin.register(Domain)
class DomainAdmin(TranslationAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name_fr",)}
    search_fields = ("name_fr", "name_en", "name_ar", "slug")
