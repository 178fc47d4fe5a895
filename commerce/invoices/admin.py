from django.contrib import admin

from commerce.core.admin import ReadOnlyAdmin
from commerce.invoices.models import Invoice, InvoiceCounter


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyAdmin):
    """Invoices are legal documents: visible, never edited or deleted by hand."""

    list_display = ("number", "order", "partner", "total_incl_tax", "issued_at")
    list_filter = ("kind", "year")
    search_fields = ("number", "order__number", "partner__name")
    list_select_related = ("order", "partner")


@admin.register(InvoiceCounter)
class InvoiceCounterAdmin(ReadOnlyAdmin):
    list_display = ("series", "year", "last_number")
