from django.contrib import admin

from commerce.core.admin import ReadOnlyAdmin

from .models import ReturnPolicy, ReturnRequest


@admin.register(ReturnRequest)
class ReturnRequestAdmin(ReadOnlyAdmin):
    list_display = ("order", "partner", "status", "refund_method", "date_created", "decided_at")
    list_filter = ("status", "refund_method")
    search_fields = ("order__number", "partner__name")


@admin.register(ReturnPolicy)
class ReturnPolicyAdmin(admin.ModelAdmin):
    list_display = ("partner", "allows_voucher")
    search_fields = ("partner__name",)
