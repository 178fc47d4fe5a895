"""Admin wiring of the help centre: Support's feedback report; help pages stay Support's."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms_pages.core.permissions import PLATFORM_ADMINS, SUPPORT, user_has_role
from commerce.users.roles import sync_roles

from . import admin_views
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
