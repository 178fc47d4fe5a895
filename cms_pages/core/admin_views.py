"""Admin views of the CMS core: translation status per page and locale, with a sync button."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .translation_status import sync_source, translation_statuses


def can_see_translation_status(user):
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def translation_status(request):
    if not can_see_translation_status(request.user):
        raise PermissionDenied
    statuses = translation_statuses()
    only = request.GET.get("show")
    if only == "todo":
        statuses = [status for status in statuses if status.needs_work]
    for status in statuses:  # the addresses visitors use, not the page tree's internal paths
        status.url = status.page.get_url(request) or ""
        for item in status.locales:
            item.url = item.page.get_url(request) if item.page is not None and item.page.live else ""
    return TemplateResponse(
        request,
        "cms_core/admin/translation_status.html",
        {
            "statuses": statuses,
            "locales": [item.locale for item in statuses[0].locales] if statuses else [],
            "show": only,
            "page_title": _("Translation status"),
            "header_icon": "globe",
        },
    )


@require_POST
def sync_translations(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if sync_source(page):
        messages.success(
            request, _("“%(title)s”: the strings to translate now match the page.") % {"title": page.title}
        )
    else:
        messages.warning(
            request,
            _("“%(title)s” was never translated with the translation editor.") % {"title": page.title},
        )
    return redirect("cms_translation_status")
