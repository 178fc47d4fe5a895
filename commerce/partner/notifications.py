"""What a seller receives about its stock: an email and a notification in the dashboard."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from commerce.notifications.services import push_to_user

Notification = get_model("communication", "Notification")


def send_low_stock_messages(alert):
    """One email to every user of the shop, and one dashboard notification each."""
    record = alert.stockrecord
    users = [user for user in record.partner.users.filter(is_active=True) if user.email]
    if not users:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "alert": alert,
            "stockrecord": record,
            "product": record.product,
            "partner": record.partner,
            "available": max(record.net_stock_level, 0),
            "product_url": _absolute(
                reverse("dashboard:catalogue-product", kwargs={"pk": record.product_id})
            ),
            "history_url": _absolute(reverse("dashboard:shop-stockrecord-history", kwargs={"pk": record.pk})),
        }
        subject = render_to_string("partner/emails/low_stock_subject.txt", context).strip()
        text = render_to_string("partner/emails/low_stock_body.txt", context)
        html = render_to_string("partner/emails/low_stock_body.html", context)
        body = render_to_string("partner/notifications/low_stock.html", context)
    message = EmailMultiAlternatives(subject, text, to=[user.email for user in users])
    message.attach_alternative(html, "text/html")
    message.send()
    Notification.objects.bulk_create(
        [Notification(recipient=user, subject=subject, body=body) for user in users]
    )
    for user in users:
        push_to_user(user.pk, "low-stock", {"subject": subject, "stockrecord": record.pk})


def _absolute(path):
    """Links in emails need the site's address (the same base URL Wagtail's emails use)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
