"""Promo pages are published by their workflow's approvers only, on creation too."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.permissions import register_permission_policy

from cms_pages.core.permissions import PLATFORM_ADMINS, user_has_role
from cms_pages.core.translate_on_submit import SubmitAndTranslateMenuItem

from .models import PromoPage, promo_workflow
from .voucher_chooser import PromoVoucherPermissionPolicy, promo_voucher_chooser_viewset

Voucher = get_model("voucher", "Voucher")
register_permission_policy(Voucher, PromoVoucherPermissionPolicy(Voucher))


@hooks.register("register_admin_viewset")
def register_promo_voucher_chooser():
    return promo_voucher_chooser_viewset


def _may_publish_promos(user):
    return user_has_role(user, PLATFORM_ADMINS)


def _is_promo(request, context):
    page = context.get("page")
    if page is not None:
        return isinstance(page, PromoPage)
    match = getattr(request, "resolver_match", None)
    kwargs = match.kwargs if match else {}
    model = (kwargs.get("content_type_app_name"), kwargs.get("content_type_model_name"))
    return model == ("landing", "promopage")


class SubmitPromoMenuItem(SubmitForModerationMenuItem):
    """ "Submit to Promo approval" on the create screen too.

    Wagtail names the parent page's workflow while the page is not saved yet, but a promo always
    goes to its own workflow (``PromoPage.get_workflow``), whatever its parent's.
    """

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        if page is None or page.pk is None:
            workflow = promo_workflow()
            if workflow:
                context["label"] = _("Submit to %(workflow_name)s") % {"workflow_name": workflow.name}
        return context


class SubmitPromoAndTranslateMenuItem(SubmitAndTranslateMenuItem, SubmitPromoMenuItem):
    """ "Submit to Promo approval and translate", on the create screen too."""


@hooks.register("construct_page_action_menu")
def hide_publish_on_promos(menu_items, request, context):
    if not _is_promo(request, context):
        return
    if not _may_publish_promos(request.user):
        hidden = ("action-publish", "action-unpublish")
        menu_items[:] = [item for item in menu_items if item.name not in hidden]
    promo_items = {
        SubmitForModerationMenuItem: SubmitPromoMenuItem,
        SubmitAndTranslateMenuItem: SubmitPromoAndTranslateMenuItem,
    }
    menu_items[:] = [
        promo_items[type(item)](order=item.order) if type(item) in promo_items else item
        for item in menu_items
    ]


@hooks.register("before_create_page")
def refuse_publishing_new_promos(request, parent_page, page_class):
    if (
        request.method == "POST"
        and issubclass(page_class, PromoPage)
        and request.POST.get("action-publish")
        and not _may_publish_promos(request.user)
    ):
        messages.error(request, _("Promo pages are published once approved: save a draft, then submit it."))
        return redirect("wagtailadmin_explore", parent_page.pk)
