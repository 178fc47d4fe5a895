from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SellersConfig(AppConfig):
    """Sellers' public face: shop pages (onboarding and payouts will live here too)."""

    name = "commerce.sellers"
    label = "sellers"
    verbose_name = _("Sellers")
