from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigitalConfig(AppConfig):
    """Digital products: checked uploads, versions, entitlements per paid line, limited signed
    downloads, buyer watermarks and licence keys. State changes go through ``services``."""

    name = "commerce.digital"
    label = "digital"
    verbose_name = _("Digital products")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import events, fulfilment  # noqa: F401 - events register themselves

        fulfilment.register_digital()
