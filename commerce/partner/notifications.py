"""What a seller is told about its stock, through ``notify()``: the low-stock event type.

Each user of the shop gets the notification in their dashboard centre and by email (their own
settings, in their language); the email keeps the shop's templates (``partner/emails/low_stock_*``).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, Event, register

StockAlert = get_model("partner", "StockAlert")

LOW_STOCK = "stock.low"


def is_seller(user):
    return user.partners.exists()


def _context(alert_id):
    """The templates' context, in the active language (the links are reversed in it)."""
    alert = StockAlert.objects.select_related("stockrecord__partner", "stockrecord__product__parent").get(
        pk=alert_id
    )
    record = alert.stockrecord
    product_path = reverse("dashboard:catalogue-product", kwargs={"pk": record.product_id})
    return {
        "alert": alert,
        "stockrecord": record,
        "product": record.product,
        "partner": record.partner,
        "available": max(record.net_stock_level, 0),
        "product_path": product_path,
        "product_url": _absolute(product_path),
        "history_url": _absolute(reverse("dashboard:shop-stockrecord-history", kwargs={"pk": record.pk})),
        "LANGUAGE_CODE": translation.get_language(),
    }


def _render(context):
    values = _context(context["alert"])
    return {
        "title": render_to_string("partner/emails/low_stock_subject.txt", values).strip(),
        "body": render_to_string("partner/notifications/low_stock.html", values).strip(),
        "url": values["product_path"],
    }


def _email(notification):
    values = _context(notification.context["alert"])
    message = EmailMultiAlternatives(
        render_to_string("partner/emails/low_stock_subject.txt", values).strip(),
        render_to_string("partner/emails/low_stock_body.txt", values),
        to=[notification.address],
    )
    message.attach_alternative(render_to_string("partner/emails/low_stock_body.html", values), "text/html")
    return message


register(
    Event(
        code=LOW_STOCK,
        label=_("Low stock"),
        render=_render,
        email=_email,
        channels={EMAIL: INSTANT},
        digestible=True,
        audience=is_seller,
    )
)


def send_low_stock_messages(alert):
    """Tell every active user of the shop, once per alert (after commit, on their channels)."""
    for user in alert.stockrecord.partner.users.filter(is_active=True).order_by("pk"):
        notify(user, LOW_STOCK, {"alert": alert.pk}, key=f"alert-{alert.pk}")


def _absolute(path):
    """Links in emails need the site's address (the same base URL Wagtail's emails use)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
