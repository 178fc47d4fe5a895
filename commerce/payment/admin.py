from django.contrib import admin
from oscar.apps.payment.admin import *  # noqa: F403
from oscar.core.loading import get_model

from commerce.core.admin import ReadOnlyAdmin

StripeCheckoutSession = get_model("payment", "StripeCheckoutSession")
ProcessedStripeEvent = get_model("payment", "ProcessedStripeEvent")
StripeRefund = get_model("payment", "StripeRefund")


@admin.register(StripeCheckoutSession)
class StripeCheckoutSessionAdmin(ReadOnlyAdmin):
    list_display = ("session_id", "order", "amount", "currency", "status", "payment_intent", "date_created")
    list_filter = ("status",)
    search_fields = ("session_id", "order__number", "payment_intent")


@admin.register(ProcessedStripeEvent)
class ProcessedStripeEventAdmin(ReadOnlyAdmin):
    list_display = ("event_id", "event_type", "outcome", "order_number", "date_processed")
    list_filter = ("event_type", "outcome")
    search_fields = ("event_id", "order_number")


@admin.register(StripeRefund)
class StripeRefundAdmin(ReadOnlyAdmin):
    list_display = ("refund_id", "order", "amount", "includes_shipping", "created_by", "date_created")
    search_fields = ("refund_id", "order__number")
