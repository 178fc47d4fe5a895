"""The email channel: one notification as a translated HTML + text email, and the digest.

Templates are ``notifications/email/<event.email_template>_{subject.txt,body.txt,body.html}``,
rendered in the notification's language with ``notification``, ``context`` (what ``notify()`` was
given), ``site_url`` and ``shop_name``; ``Event.email`` replaces them for an app that renders its own.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from commerce.communication.utils import site_url

from . import events


def _context(notification, **extra):
    return {
        "notification": notification,
        "context": notification.context,
        "recipient": notification.recipient,
        "site_url": site_url(),
        "shop_name": settings.OSCAR_SHOP_NAME,
        "language": notification.language,
        **extra,
    }


def render_email(template, context, to):
    """Subject, text and HTML of ``notifications/email/<template>_…`` as one message to ``to``."""
    subject = " ".join(render_to_string(f"notifications/email/{template}_subject.txt", context).split())
    text = render_to_string(f"notifications/email/{template}_body.txt", context)
    html = render_to_string(f"notifications/email/{template}_body.html", context)
    message = EmailMultiAlternatives(subject, text, to=to)
    message.attach_alternative(html, "text/html")
    return message


def send_email(notification):
    """The email channel's ``send``: the event's own email, else its templates, in its language."""
    spec = events.get(notification.event)
    address = notification.address
    if not address:
        return
    with translation.override(notification.language):
        if spec.email is not None:
            message = spec.email(notification)
        else:
            message = render_email(spec.email_template, _context(notification), [address])
    if message is not None:
        message.send()


def send_digest(user, notifications):
    """One email listing ``notifications`` (oldest first), in ``user``'s language."""
    from commerce.communication.utils import language_of

    language = language_of(user)
    with translation.override(language):
        context = {
            "recipient": user,
            "notifications": notifications,
            "site_url": site_url(),
            "shop_name": settings.OSCAR_SHOP_NAME,
            "language": language,
        }
        render_email("digest", context, [user.email]).send()
