import oscar.apps.partner.apps as apps
from django.db.models.signals import post_save


class PartnerConfig(apps.PartnerConfig):
    name = "commerce.partner"

    def ready(self):
        super().ready()
        # Oscar's receiver opens low-stock alerts on every stock record save; here the stock service
        # calls what follows a change (``stock.py``), so the receiver is taken out.
        from oscar.apps.partner import receivers as oscar_receivers  # Oscar connects it in ready()

        post_save.disconnect(oscar_receivers.update_stock_alerts, sender=self.get_model("StockRecord"))
        from . import back_in_stock, notifications  # noqa: F401 - register their event types
