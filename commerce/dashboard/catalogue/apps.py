"""Oscar's catalogue dashboard; sellers may also add variants and see their own low-stock alerts."""

import oscar.apps.dashboard.catalogue.apps as apps
from oscar.core.loading import get_class


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    name = "commerce.dashboard.catalogue"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        # Both views are scoped to the seller's own products and stock records (views.py).
        self.permissions_map["catalogue-product-create-child"] = (
            DashboardPermission.get("catalogue", "view_product", "add_product"),
            DashboardPermission.partner_dashboard_access,
        )
        self.permissions_map["stock-alert-list"] = (
            DashboardPermission.get("partner", "view_stockalert"),
            DashboardPermission.partner_dashboard_access,
        )
