"""Submit a page for approval and send it for translation into every other language, in one step.

The editor's "Submit to … and translate" button submits the page to its workflow as Wagtail's own
"Submit" does, then creates (or refreshes) its wagtail-localize translations: drafts, each going live
only when someone publishes it.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.models import Locale

SUBMIT_AND_TRANSLATE = "translate"


def may_send_for_translation(user, page):
    return user.has_perm("wagtail_localize.submit_translation") and page.locale_id == Locale.get_default().pk


class SubmitAndTranslateMenuItem(SubmitForModerationMenuItem):
    """Posts ``action-submit=translate``: Wagtail submits the page, ``after_submit`` translates it."""

    template_name = "cms_core/admin/submit_and_translate_menu_item.html"
    icon_name = "globe"

    def is_shown(self, context):
        if not super().is_shown(context):
            return False
        page = context.get("page") or context["parent_page"]
        return may_send_for_translation(context["request"].user, page)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = _("%(submit)s and translate") % {"submit": context["label"]}
        return context


def send_for_translation(page, user):
    """Create or refresh the page's translation into every other locale (drafts); returns the locales."""
    from wagtail_localize.operations import TranslationCreator

    locales = list(Locale.objects.exclude(pk=page.locale_id))
    with transaction.atomic():
        TranslationCreator(user, locales).create_translations(page.specific)
    return locales


def after_submit(request, page):
    """``after_create_page`` / ``after_edit_page``: translate what was just submitted with the button."""
    if (
        request.POST.get("action-submit") == SUBMIT_AND_TRANSLATE
        and page.current_workflow_state is not None
        and may_send_for_translation(request.user, page)
    ):
        send_for_translation(page, request.user)
