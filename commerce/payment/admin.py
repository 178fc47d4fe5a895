from django.contrib import admin
from oscar.apps.payment.admin import *  # noqa: F403
from oscar.core.loading import get_model

from commerce.core.admin import ReadOnlyAdmin

StripeCheckoutSession = get_model("payment", "StripeCheckoutSession")
ProcessedStripeEvent = get_model("payment", "ProcessedStripeEvent")
Refund = get_model("payment", "Refund")


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


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    list_display = ("key", "order", "method", "status", "amount", "shipping", "created_by", "date_created")
    list_filter = ("method", "status")
    search_fields = ("key", "stripe_refund_id", "order__number")
