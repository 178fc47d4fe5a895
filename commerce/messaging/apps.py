from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    """Conversations: a client with a seller (about a product or an order) or with the platform's
    support, later with an expert. Messages are stored, then broadcast over the channel layer."""

    name = "commerce.messaging"
    label = "messaging"
    verbose_name = _("Messages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import events  # noqa: F401 - registers the event types with the notifications registry
