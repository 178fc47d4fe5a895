"""Oscar's orders dashboard with seller scoping (views.py); the shared delivery address is staff-only."""

import oscar.apps.dashboard.orders.apps as apps
from oscar.core.loading import get_class


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "commerce.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        # Every seller of the order shares this address: editing it is the platform's job.
        self.permissions_map["order-shipping-address"] = DashboardPermission.get(
            "order", "view_order", "change_order"
        )
