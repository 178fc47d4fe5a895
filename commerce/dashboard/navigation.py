"""The dashboard menu: Oscar's, plus a "Shop" section for the seller's own pages.

Oscar shows each entry only to users allowed to open its URL (``permissions_map`` of the dashboard
apps), so sellers see their shop pages and orders, staff see everything.
"""

from django.utils.translation import gettext_lazy as _

from commerce.experts.dashboard.access import EXPERTS_MENU_ENTRY


def decides_returns(user, url_name, url_args=None, url_kwargs=None):
    """The returns queue (outside Oscar's dashboard apps): staff, and users of a shop."""
    return user.is_staff or user.partners.exists()


SHOP_SECTION = {
    "label": _("My shop"),
    "icon": "fas fa-store",
    "children": [
        {"label": _("Shop profile"), "url_name": "dashboard:shop-profile"},
        {"label": _("Stock levels"), "url_name": "dashboard:shop-stock"},
        {"label": _("Import or export stock (CSV)"), "url_name": "dashboard:shop-stock-import"},
        {"label": _("Low stock alerts"), "url_name": "dashboard:stock-alert-list"},
        {"label": _("Reviews of my products"), "url_name": "dashboard:shop-reviews"},
        {"label": _("Returns"), "url_name": "returns-dashboard:queue", "access_fn": decides_returns},
    ],
}


def dashboard_navigation(oscar_navigation):
    """Oscar's menu with the shop section after "Catalogue" (the second entry)."""
    navigation = list(oscar_navigation)
    navigation.insert(2, SHOP_SECTION)
    navigation.append(EXPERTS_MENU_ENTRY)
    return navigation
