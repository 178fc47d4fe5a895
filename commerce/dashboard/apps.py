"""Oscar's dashboard, forked so a seller sees only its own shop (see the sub-apps in this package)."""

from django.apps import apps
from django.urls import include, path
from oscar.apps.dashboard import apps as oscar_apps


class DashboardConfig(oscar_apps.DashboardConfig):
    name = "commerce.dashboard"

    def ready(self):
        super().ready()
        self.shop_app = apps.get_app_config("shop_dashboard")

    def get_urls(self):
        urls = super().get_urls()
        return [*urls, path("shop/", include(self.shop_app.urls[0]))]
