"""Marketing's Wagtail home: a "New promo page" button and its promos by where they stand."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from cms_pages.core.permissions import MARKETING, PLATFORM_ADMINS, user_has_role

from . import selectors


class PromosPanel(Component):
    """Drafts, scheduled and live promo pages, and the way to start a new one, first on the home."""

    name = "marketing_promos"
    template_name = "home/admin/promos_panel.html"
    order = 100

    def get_context_data(self, parent_context):
        parent = selectors.promo_parent()
        return {
            "groups": selectors.promos_by_status(),
            "new_promo_url": (
                reverse("wagtailadmin_pages:add", args=("landing", "promopage", parent.pk)) if parent else ""
            ),
        }


@hooks.register("construct_homepage_panels")
def show_marketing_its_promos(request, panels):
    if user_has_role(request.user, MARKETING, PLATFORM_ADMINS):
        panels.append(PromosPanel())
