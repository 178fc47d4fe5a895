"""The dashboard menu entry of the payout queue: platform admins only (the ledger's bookkeepers)."""

from django.utils.translation import gettext_lazy as _

from commerce.wallet.dashboard.access import sees_books

PAYOUTS_MENU_ENTRY = {
    "label": _("Expert payouts"),
    "icon": "fas fa-money-check-alt",
    "url_name": "payouts-dashboard:queue",
    "access_fn": sees_books,
}
