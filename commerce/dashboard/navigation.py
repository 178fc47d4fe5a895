"""The dashboard menu: Oscar's, plus a "Shop" section for the seller's own pages and a "Wallet"
section for platform admins (the goodwill form also for Support).

Oscar shows each entry only to users allowed to open its URL (``permissions_map`` of the dashboard
apps), so sellers see their shop pages and orders, staff see everything.
"""

from django.utils.translation import gettext_lazy as _

from commerce.bookings.dashboard.access import sees_bookings
from commerce.experts.dashboard.access import EXPERTS_MENU_ENTRY
from commerce.wallet.dashboard.access import grants_goodwill, sees_books


def decides_returns(user, url_name, url_args=None, url_kwargs=None):
    """The returns queue (outside Oscar's dashboard apps): staff, and users of a shop."""
    return user.is_staff or user.partners.exists()


def answers_shop_messages(user, url_name, url_args=None, url_kwargs=None):
    """The shop's conversations with clients: users of a shop only (each sees its own shops')."""
    return user.partners.exists()


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
        {"label": _("Messages"), "url_name": "messaging-dashboard:inbox", "access_fn": answers_shop_messages},
        {"label": _("Bookings"), "url_name": "bookings-dashboard:list", "access_fn": sees_bookings},
    ],
}


def sees_wallet_books(user, url_name=None, url_args=None, url_kwargs=None):
    """The ledger's pages: platform admins only."""
    return sees_books(user)


def grants_coins(user, url_name=None, url_args=None, url_kwargs=None):
    """The goodwill form: Support and platform admins."""
    return grants_goodwill(user)


WALLET_SECTION = {
    "label": _("Wallet"),
    "icon": "fas fa-coins",
    "access_fn": grants_coins,
    "children": [
        {
            "label": _("Accounts and balances"),
            "url_name": "wallet-dashboard:accounts",
            "access_fn": sees_wallet_books,
        },
        {
            "label": _("Transactions"),
            "url_name": "wallet-dashboard:transactions",
            "access_fn": sees_wallet_books,
        },
        {"label": _("Holds"), "url_name": "wallet-dashboard:holds", "access_fn": sees_wallet_books},
        {
            "label": _("Reconciliation"),
            "url_name": "wallet-dashboard:reconciliation",
            "access_fn": sees_wallet_books,
        },
        {"label": _("Grant coins"), "url_name": "wallet-dashboard:goodwill", "access_fn": grants_coins},
    ],
}


def is_staff(user, url_name=None, url_args=None, url_kwargs=None):
    """Pages any staff member may open (the admin's phone alerts and their test button)."""
    return user.is_authenticated and user.is_active and user.is_staff


PHONES_MENU_ENTRY = {
    "label": _("Phone alerts"),
    "icon": "fas fa-mobile-alt",
    "url_name": "phones-dashboard:alerts",
    "access_fn": is_staff,
}


def dashboard_navigation(oscar_navigation):
    """Oscar's menu with the shop section after "Catalogue" (the second entry), the wallet's and the
    experts' review queue and
    the phone alerts last."""
    navigation = list(oscar_navigation)
    navigation.insert(2, SHOP_SECTION)
    navigation.append(WALLET_SECTION)
    navigation.append(EXPERTS_MENU_ENTRY)
    navigation.append(PHONES_MENU_ENTRY)
    return navigation
