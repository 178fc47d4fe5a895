from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    """The help centre: categories of FAQ and guides, searched on the site, edited by Support."""

    name = "cms_pages.help"
    label = "help"
    verbose_name = _("Help centre")

    def ready(self):
        # Here, not at the top: these load models, which exist only once every app is ready.
        from commerce.users import grants
        from commerce.users.roles import SUPPORT

        from .grants import help_centre_pages

        grants.register(SUPPORT, help_centre_pages)
        from . import services  # noqa: F401 - registers the feedback digest's event type
