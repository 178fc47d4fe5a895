"""State changes of the help centre: feedback, and the digest that reports it to Support.

The digest goes through ``notify()`` to each member of Support (their notification centre, and
email by their settings, in their language): the event type ``help.feedback_digest``, one
notification per agent per digest window, so a task run twice tells nobody twice.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, Event, register
from commerce.users.roles import SUPPORT

from .models import HelpArticleFeedback

FEEDBACK_DIGEST = "help.feedback_digest"
REPORT_PATH = "/cms/reports/help-feedback/"


def is_support(user):
    return user.groups.filter(name=SUPPORT).exists()


def _rows(since, until):
    return list(
        HelpArticleFeedback.objects.filter(created_at__gte=since, created_at__lt=until)
        .select_related("article")
        .order_by("article__title", "-created_at")
    )


def _template_context(context):
    rows = _rows(parse_datetime(context["since"]), parse_datetime(context["until"]))
    return {
        "rows": rows,
        "helpful": sum(1 for row in rows if row.helpful),
        "not_helpful": sum(1 for row in rows if not row.helpful),
        "hours": context["hours"],
        "report_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + REPORT_PATH,
    }


def _render(context):
    values = _template_context(context)
    title = render_to_string("help/email/feedback_digest_subject.txt", values).strip()
    return {
        "title": title,
        "body": render_to_string("help/email/feedback_digest.txt", values),
        "url": REPORT_PATH,
    }


def _email(notification):
    values = _template_context(notification.context)
    subject = render_to_string("help/email/feedback_digest_subject.txt", values).strip()
    return EmailMessage(
        subject, render_to_string("help/email/feedback_digest.txt", values), to=[notification.address]
    )


register(
    Event(
        code=FEEDBACK_DIGEST,
        label=_("Help centre feedback digest"),
        render=_render,
        email=_email,
        channels={EMAIL: INSTANT},
        audience=is_support,
    )
)


def send_feedback_digest(*, hours=24, now=None):
    """Tell Support the feedback of the last ``hours`` hours (nothing when there is none).

    Returns the number of answers reported.
    """
    now = now or timezone.now()
    since = now - timedelta(hours=hours)
    count = HelpArticleFeedback.objects.filter(created_at__gte=since, created_at__lt=now).count()
    if not count:
        return 0
    agents = get_user_model().objects.filter(groups__name=SUPPORT, is_active=True).distinct().order_by("pk")
    context = {"since": since.isoformat(), "until": now.isoformat(), "hours": hours}
    for agent in agents:
        notify(agent, FEEDBACK_DIGEST, context, key=f"{now:%Y-%m-%dT%H}-{hours}h")
    return count
