from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhonesConfig(AppConfig):
    """The admin's phone (Telegram, WhatsApp): notify() channels, plus this app's templates,
    translations and deployment checks (no models)."""

    name = "commerce.notifications.phones"
    label = "phones"
    verbose_name = _("Admin's phone")

    def ready(self):
        from . import channels, checks  # noqa: F401 - checks registers the deployment checks

        channels.register()
