"""Support's report of "was this helpful?" answers: totals per article and the latest comments."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms_pages.core.permissions import PLATFORM_ADMINS, SUPPORT, user_has_role

from .models import HelpArticleFeedback
from .selectors import feedback_summary


def can_see_feedback(user):
    return user.is_active and user_has_role(user, SUPPORT, PLATFORM_ADMINS)


def feedback_report(request):
    if not can_see_feedback(request.user):
        raise PermissionDenied
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="help-feedback.csv"'
        writer = csv.writer(response)
        writer.writerow([_("Date"), _("Article"), _("Language"), _("Helpful"), _("Comment")])
        for row in HelpArticleFeedback.objects.select_related("article").order_by("-created_at").iterator():
            writer.writerow(
                [
                    row.created_at.isoformat(),
                    row.article.title,
                    row.language,
                    "yes" if row.helpful else "no",
                    row.comment,
                ]
            )
        return response
    comments = (
        HelpArticleFeedback.objects.select_related("article").exclude(comment="").order_by("-created_at")[:50]
    )
    return TemplateResponse(
        request,
        "help/admin/feedback_report.html",
        {
            "summary": feedback_summary(days=days or None),
            "comments": comments,
            "days": days,
            "page_title": _("Help centre feedback"),
            "header_icon": "help",
        },
    )
