import oscar.apps.partner.apps as apps
from django.db.models.signals import post_save


class PartnerConfig(apps.PartnerConfig):
    name = "commerce.partner"

    def ready(self):
        super().ready()
        from oscar.apps.partner import receivers as oscar_receivers

        from . import receivers

        # Ours applies the platform's default threshold and notifies the seller once per crossing.
        stockrecord = self.get_model("StockRecord")
        post_save.disconnect(oscar_receivers.update_stock_alerts, sender=stockrecord)
        post_save.connect(
            receivers.update_stock_alerts, sender=stockrecord, dispatch_uid="partner.update_stock_alerts"
        )
        # Shoppers' back-in-stock alerts: after commit, through Celery (OSCAR_EAGER_ALERTS is off).
        post_save.connect(
            receivers.queue_back_in_stock_alerts,
            sender=stockrecord,
            dispatch_uid="partner.queue_back_in_stock_alerts",
        )
