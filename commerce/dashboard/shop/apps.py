"""The seller's own pages in the dashboard: shop profile, stock levels, stock history, stock CSV,
reviews of its products."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class ShopDashboardConfig(OscarDashboardConfig):
    label = "shop_dashboard"
    name = "commerce.dashboard.shop"
    verbose_name = _("Shop dashboard")

    default_permissions = ["is_staff"]

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        seller_or_staff = (DashboardPermission.staff, DashboardPermission.partner_dashboard_access)
        self.permissions_map = {
            "shop-profile": seller_or_staff,
            "shop-stock": seller_or_staff,
            "shop-stock-export": seller_or_staff,
            "shop-stock-import": seller_or_staff,
            "shop-stockrecord-history": seller_or_staff,
            "shop-product-stock-history": seller_or_staff,
            "shop-reviews": seller_or_staff,
            # Any shop's profile (and commission): platform staff only.
            "shop-partner-profile": DashboardPermission.staff,
        }

    def ready(self):
        from . import reviews, views  # views load models: only once every app is ready

        self.views = views
        self.reviews = reviews
        self.configure_permissions()

    def get_urls(self):
        views = self.views
        urls = [
            path("profile/", views.ShopProfileView.as_view(), name="shop-profile"),
            path("<int:pk>/profile/", views.PartnerProfileView.as_view(), name="shop-partner-profile"),
            path("stock/", views.StockLevelsView.as_view(), name="shop-stock"),
            path("stock/export/", views.StockExportView.as_view(), name="shop-stock-export"),
            path("stock/import/", views.StockImportView.as_view(), name="shop-stock-import"),
            path(
                "stock/<int:pk>/history/",
                views.StockRecordHistoryView.as_view(),
                name="shop-stockrecord-history",
            ),
            path(
                "products/<int:pk>/stock-history/",
                views.ProductStockHistoryView.as_view(),
                name="shop-product-stock-history",
            ),
            path("reviews/", self.reviews.ReviewsView.as_view(), name="shop-reviews"),
        ]
        return self.post_process_urls(urls)
