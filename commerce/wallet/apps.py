from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WalletConfig(AppConfig):
    """Coins: a double-entry ledger of integer millimes (accounts, transactions, immutable entries),
    escrow holds that resolve exactly once, and the reconciliation that proves the books balance.
    Every state change goes through ``commerce.wallet.services``."""

    name = "commerce.wallet"
    label = "wallet"
    verbose_name = _("Wallet")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import alerts, fulfilment, reminders  # noqa: F401 - alerts and reminders register their events

        fulfilment.register_coin_packs()
