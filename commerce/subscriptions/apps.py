from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    """Recurring plans billed by Stripe Billing. Registers its webhook handlers in
    ``payment.stripe.webhooks``, its fulfilment step for the "subscription" product class and its
    notification events: payment and fulfilment import nothing from here."""

    name = "commerce.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import benefits, handlers, notices  # noqa: F401 - notices registers its events

        handlers.register_handlers()
        benefits.register_fulfilment()
