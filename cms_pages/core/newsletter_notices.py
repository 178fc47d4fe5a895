"""The newsletter's confirmation email (double opt-in), told through ``notify()``.

The subscriber is an address, not an account: ``notify()`` sends the email only, in the language
the visitor signed up in. The email is written when it leaves, and only while the subscription is
still pending (a visitor who confirmed in between gets nothing more).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commerce.notifications.events import Event, register

from .models import NewsletterSubscription

NEWSLETTER_CONFIRMATION = "newsletter.confirmation"


def _texts(subscription):
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "confirm_url": base_url + reverse("cms_newsletter:confirm", args=[subscription.token]),
        "unsubscribe_url": base_url + reverse("cms_newsletter:unsubscribe", args=[subscription.token]),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = render_to_string("cms_core/email/newsletter_confirm_subject.txt", context).strip()
    return subject, render_to_string("cms_core/email/newsletter_confirm.txt", context)


def _render(context):
    subscription = NewsletterSubscription.objects.get(pk=context["subscription"])
    return {"title": _texts(subscription)[0], "body": ""}


def _email(notification):
    subscription = NewsletterSubscription.objects.filter(
        pk=notification.context["subscription"], status=NewsletterSubscription.Status.PENDING
    ).first()
    if subscription is None:
        return None
    subject, body = _texts(subscription)
    return EmailMessage(subject, body, to=[subscription.email])


register(
    Event(
        code=NEWSLETTER_CONFIRMATION,
        label=_("Newsletter sign-up confirmation"),
        render=_render,
        email=_email,
        configurable=False,
    )
)
