from django.contrib import admin


class ReadOnlyMixin:
    """For records only services write (invoices, payment events, the ledger, calls): the admin
    is for looking them up. Mixed into model admins and inlines alike (an inline's
    ``has_add_permission`` also takes ``obj``)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """A model admin that only shows."""
