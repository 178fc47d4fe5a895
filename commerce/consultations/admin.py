"""Django admin: platform admins moderate ratings (publish or hide, through the service, which
keeps the expert's average) and look up paid messages (read only: money moves through services)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import PaidMessage, Rating


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ("message", "stars", "status", "created_at", "moderated_by")
    list_filter = ("status", "stars")
    search_fields = ("comment", "message__expert__full_name", "message__client__email")
    readonly_fields = (
        "message",
        "stars",
        "comment",
        "expert_reply",
        "replied_at",
        "status",
        "moderated_at",
        "moderated_by",
    )
    actions = ("publish", "hide")

    def has_add_permission(self, request):
        return False

    def _moderate(self, request, queryset, status):
        for rating in queryset:
            services.moderate(rating, status, by=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)d rating updated.", "%(count)d ratings updated.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish the selected ratings"))
    def publish(self, request, queryset):
        self._moderate(request, queryset, Rating.Status.APPROVED)

    @admin.action(description=_("Hide the selected ratings"))
    def hide(self, request, queryset):
        self._moderate(request, queryset, Rating.Status.HIDDEN)


@admin.register(PaidMessage)
class PaidMessageAdmin(admin.ModelAdmin):
    list_display = ("pk", "client", "expert", "kind", "price_coins", "status", "deadline", "created_at")
    list_filter = ("status", "kind")
    search_fields = ("client__email", "expert__full_name")
    list_select_related = ("client", "expert")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
