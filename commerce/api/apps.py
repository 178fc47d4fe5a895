from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The headless storefront: the same services as the HTML views, exposed with DRF under /api/."""

    name = "commerce.api"
    label = "storefront_api"
    verbose_name = _("Storefront API")
