"""The ledger in Django admin, read-only: platform admins look, only ``services`` writes.
(The audit trail's events are under "pghistory"; the wallet screens are in the dashboard.)"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from commerce.core.admin import ReadOnlyAdmin

from .models import Account, Entry, Hold, Transaction


@admin.register(Account)
class AccountAdmin(ReadOnlyAdmin):
    list_display = ("pk", "kind", "user", "current_balance", "created_at")
    list_filter = ("kind",)
    search_fields = ("user__email",)
    raw_id_fields = ("user",)

    def get_queryset(self, request):
        return super().get_queryset(request).with_current_balance()

    @admin.display(description=_("balance (millimes)"), ordering="current_balance")
    def current_balance(self, account):
        """The row's balance plus, for a platform account, its parts."""
        return account.current_balance


class EntryInline(admin.TabularInline):
    model = Entry
    fields = ("account", "amount")
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Transaction)
class TransactionAdmin(ReadOnlyAdmin):
    list_display = ("pk", "created_at", "kind", "reference", "memo", "created_by")
    list_filter = ("kind", "created_at")
    search_fields = ("idempotency_key", "reference", "memo")
    raw_id_fields = ("hold", "created_by")
    inlines = [EntryInline]


@admin.register(Hold)
class HoldAdmin(ReadOnlyAdmin):
    list_display = ("pk", "wallet", "coins", "status", "captured_coins", "earner", "reference", "expires_at")
    list_filter = ("status",)
    search_fields = ("reference", "idempotency_key", "wallet__user__email")
    raw_id_fields = ("wallet", "earner")
