"""Admin wiring of the help centre: Support's feedback report; help pages stay Support's."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from cms_pages.core.permissions import PLATFORM_ADMINS, SUPPORT, user_has_role
from commerce.users.roles import sync_roles

from . import admin_views, selectors
from .models import HelpArticlePage, HelpCategoryPage, HelpCentrePage

HELP_PAGE_CLASSES = (HelpCentrePage, HelpCategoryPage, HelpArticlePage)


@hooks.register("before_create_page")
def only_support_creates_help_pages(request, parent_page, page_class):
    if issubclass(page_class, HELP_PAGE_CLASSES) and not user_has_role(
        request.user, SUPPORT, PLATFORM_ADMINS
    ):
        raise PermissionDenied


@hooks.register("register_admin_urls")
def register_feedback_report_url():
    return [path("reports/help-feedback/", admin_views.feedback_report, name="help_feedback_report")]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_feedback(request.user)


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackMenuItem(
        _("Help centre feedback"),
        reverse("help_feedback_report"),
        name="help-feedback",
        icon_name="help",
        order=950,
    )


@hooks.register("after_create_page")
def give_support_the_new_help_centre(request, page):
    if isinstance(page.specific, HelpCentrePage):
        sync_roles()


class LowScoringArticlesPanel(Component):
    """Support's Wagtail home: the articles readers lately found unhelpful, to rewrite first."""

    name = "help_low_scores"
    template_name = "help/admin/low_scoring_articles_panel.html"
    order = 110
    days = 30

    def get_context_data(self, parent_context):
        return {
            "articles": selectors.low_scoring_articles(days=self.days),
            "days": self.days,
            "report_url": reverse("help_feedback_report"),
        }


@hooks.register("construct_homepage_panels")
def show_support_the_articles_to_rewrite(request, panels):
    if admin_views.can_see_feedback(request.user):
        panels.append(LowScoringArticlesPanel())
