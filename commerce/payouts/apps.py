from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PayoutsConfig(AppConfig):
    """Experts' money after the consultation: earnings read from the coin ledger, payout requests
    that platform admins approve and mark paid (the ledger records the payout and any withholding),
    the bank-transfer batch, and the monthly statement PDF."""

    name = "commerce.payouts"
    label = "payouts"
    verbose_name = _("Expert payouts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notices

        notices.register_events()
