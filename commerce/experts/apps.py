from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    """Experts: profiles, verification documents, admin approval and the public directory."""

    name = "commerce.experts"
    label = "experts"
    verbose_name = _("Experts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The Experts role needs no model permission (the expert space checks ownership), so this
        # app registers no grant in ``commerce.users.grants``; it registers its notification events.
        from . import notices, receivers

        notices.register_events()
        receivers.connect()
