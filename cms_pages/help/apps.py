from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    """The help centre: categories of FAQ and guides, searched on the site, edited by Support."""

    name = "cms_pages.help"
    label = "help"
    verbose_name = _("Help centre")
