"""Plans are edited in Django admin by platform admins (saving a plan updates its subscriber offer);
subscriptions and their invoices are read-only mirrors of Stripe."""

from django.contrib import admin

from commerce.core.admin import ReadOnlyAdmin

from .models import Plan, Subscription, SubscriptionInvoice
from .offers import sync_offer


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = (
        "product",
        "interval",
        "trial_days",
        "coins_per_period",
        "discount_percent",
        "stripe_price_id",
    )
    list_filter = ("interval",)
    raw_id_fields = ("product",)
    readonly_fields = (
        "stripe_product_id",
        "stripe_price_id",
        "stripe_price_amount",
        "stripe_price_interval",
        "offer",
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        sync_offer(obj)


class InvoiceInline(admin.TabularInline):
    model = SubscriptionInvoice
    fields = (
        "stripe_invoice_id",
        "billing_reason",
        "status",
        "amount",
        "period_start",
        "period_end",
        "order",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdmin):
    list_display = (
        "stripe_subscription_id",
        "user",
        "plan",
        "status",
        "current_period_end",
        "cancel_at_period_end",
    )
    list_filter = ("status",)
    search_fields = ("user__email", "stripe_subscription_id")
    inlines = [InvoiceInline]
