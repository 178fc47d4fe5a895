from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .consent_export import whatsapp_opt_ins_csv
from .models import User, WhatsAppConsent


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Django's user admin adapted to the email-identified user (no username)."""

    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class CurrentConsentFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "current"

    def lookups(self, request, model_admin):
        return (("yes", _("Current")), ("no", _("Revoked")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(revoked_at__isnull=True)
        if self.value() == "no":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


@admin.register(WhatsAppConsent)
class WhatsAppConsentAdmin(admin.ModelAdmin):
    """Consents are evidence: read only here (people give and withdraw them themselves); the
    changelist links to the CSV export of current opt-ins."""

    list_display = ("number", "user", "guest_email", "source", "language", "given_at", "revoked_at")
    list_filter = (CurrentConsentFilter, "source", "language")
    search_fields = ("number", "user__email", "user__first_name", "user__last_name", "guest_email")
    date_hierarchy = "given_at"
    list_select_related = ("user",)
    change_list_template = "admin/users/whatsappconsent/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        export = self.admin_site.admin_view(self.export_view)
        return [path("export/", export, name="users_whatsappconsent_export"), *super().get_urls()]

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        filename, content = whatsapp_opt_ins_csv()
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response
