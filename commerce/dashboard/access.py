"""Who may open the Oscar dashboard at all: platform admins and sellers, nobody else.

Oscar lets in every ``is_staff`` user, and its sub-apps check little more than that flag; here
Marketing and Support are staff too (they work in the Wagtail admin), so the flag alone would show
them every shop's revenue, orders and stock. Every URL under ``/dashboard/`` therefore first
requires ``partner.dashboard_access``, which the Sellers role holds and Platform admins hold with
every other permission; each page's own rule (staff only, own partner only) applies after it.
"""

from django.conf import settings
from oscar.views.decorators import permissions_required

from commerce.core.url_patterns import decorate_views

DASHBOARD_ACCESS = "partner.dashboard_access"


#: Anonymous visitors are sent to sign in; a signed-in user without the right gets a 403.
dashboard_access_required = permissions_required([DASHBOARD_ACCESS], login_url=settings.LOGIN_URL)


def require_dashboard_access(patterns):
    """The given URL patterns, every view among them (included ones too) behind the dashboard gate."""
    return decorate_views(patterns, dashboard_access_required)
