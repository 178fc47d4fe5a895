from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records only services write (invoices, payment events): the admin is for looking them up."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
