from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardConfig(AppConfig):
    """Plain text pages: terms and conditions, refund policy, privacy, about."""

    name = "cms_pages.standard"
    label = "standard"
    verbose_name = _("Standard pages")
