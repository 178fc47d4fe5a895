from django.contrib import admin

from .models import Booking, Provider, Reminder


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["__str__", "time_zone", "slot_interval_minutes", "ics_refreshed_at", "ics_error"]
    search_fields = ["expert__full_name", "partner__name"]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Read-only: bookings change through the services (the coins held follow them)."""

    list_display = ["pk", "provider", "client", "kind", "start", "status", "coins"]
    list_filter = ["status", "kind"]
    search_fields = ["client__email", "provider__expert__full_name", "provider__partner__name"]
    date_hierarchy = "start"

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["booking", "kind", "due_at", "sent_at"]

    def has_change_permission(self, request, obj=None):
        return False
