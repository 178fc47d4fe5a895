from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo marketplace data (``manage.py seed_demo``): sellers, catalogue, role users and CMS home pages.

    It owns no models; it only drives the other apps' models so a fresh machine shows a believable shop.
    """

    name = "commerce.demo"
    label = "demo"
    verbose_name = _("Demo data")
