from django.contrib import admin

from .models import FulfilledLine


@admin.register(FulfilledLine)
class FulfilledLineAdmin(admin.ModelAdmin):
    """Read-only: rows are written by ``fulfil_order`` only."""

    list_display = ("line", "step", "quantity", "created_at")
    list_filter = ("step",)
    raw_id_fields = ("line",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
