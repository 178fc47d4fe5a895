"""Promo pages are published by their workflow's approvers only, on creation too."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from cms_pages.core.permissions import PLATFORM_ADMINS, user_has_role

from .models import PromoPage


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


@hooks.register("construct_page_action_menu")
def hide_publish_on_promos(menu_items, request, context):
    if _is_promo(request, context) and not _may_publish_promos(request.user):
        hidden = ("action-publish", "action-unpublish")
        menu_items[:] = [item for item in menu_items if item.name not in hidden]


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
