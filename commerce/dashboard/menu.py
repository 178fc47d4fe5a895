"""The dashboard menu Oscar draws, with our sections added (``get_class("dashboard.menu", ...)``).

Oscar builds its menu from ``settings.OSCAR_DASHBOARD_NAVIGATION``; ours adds sections whose
``access_fn`` is our code. Adding them here, not in settings, keeps the settings free of app
imports (settings load before the apps).
"""

from django.conf import settings
from oscar.apps.dashboard.menu import create_menu

from .navigation import dashboard_navigation


def get_nodes(user):
    """The menu entries ``user`` may open; headings without a visible child are left out."""
    visible = []
    for node in create_menu(dashboard_navigation(settings.OSCAR_DASHBOARD_NAVIGATION)):
        shown = node.filter(user)
        if shown and (shown.has_children() or not shown.is_heading):
            visible.append(shown)
    return visible
