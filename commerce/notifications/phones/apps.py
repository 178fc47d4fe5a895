from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhonesConfig(AppConfig):
    """The admin's phone (Telegram, WhatsApp): an app only for its templates, translations and checks."""

    name = "commerce.notifications.phones"
    label = "phones"
    verbose_name = _("Admin's phone")

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks
