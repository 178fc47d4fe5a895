from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LandingConfig(AppConfig):
    """Landing pages and scheduled promo pages, built by Marketing from the block library."""

    name = "cms_pages.landing"
    label = "landing"
    verbose_name = _("Landing and promo pages")
