"""State changes of the help centre: feedback, and the digest that reports it to Support."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from commerce.users.roles import SUPPORT

from .models import HelpArticleFeedback


def send_feedback_digest(*, hours=24, now=None):
    """Email Support the feedback of the last ``hours`` hours (nothing sent when there is none)."""
    now = now or timezone.now()
    rows = list(
        HelpArticleFeedback.objects.filter(created_at__gte=now - timedelta(hours=hours), created_at__lt=now)
        .select_related("article")
        .order_by("article__title", "-created_at")
    )
    if not rows:
        return 0
    recipients = sorted(
        set(
            Group.objects.filter(name=SUPPORT)
            .values_list("user__email", flat=True)
            .exclude(user__email__isnull=True)
            .exclude(user__email="")
        )
    )
    if not recipients:
        return 0
    context = {
        "rows": rows,
        "helpful": sum(1 for row in rows if row.helpful),
        "not_helpful": sum(1 for row in rows if not row.helpful),
        "hours": hours,
        "report_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/cms/reports/help-feedback/",
    }
    subject = render_to_string("help/email/feedback_digest_subject.txt", context).strip()
    body = render_to_string("help/email/feedback_digest.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return len(rows)
