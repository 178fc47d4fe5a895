"""Platform announcements: due ones are sent by beat, each person told once through ``notify()``.

The sweep takes due announcements with ``SKIP LOCKED`` (two beats never send the same one), tells
every active recipient with the key ``announcement-<id>`` (so a sweep interrupted half-way and run
again tells nobody twice: the notifications already stored are not stored again), then marks it sent.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import events
from .events import EMAIL, INSTANT, WEBPUSH, Event
from .models import Announcement
from .services import notify

ANNOUNCEMENT = "platform.announcement"


def _render(context):
    announcement = Announcement.objects.get(pk=context["announcement"])
    from django.utils.translation import get_language

    title, body = announcement.text(get_language())
    return {"title": title, "body": body, "url": announcement.url}


events.register(
    Event(
        code=ANNOUNCEMENT,
        label=_("Announcements from the platform"),
        render=_render,
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    )
)


def recipients(announcement):
    users = get_user_model().objects.filter(is_active=True)
    if announcement.role_id:
        users = users.filter(groups=announcement.role_id)
    return users.order_by("pk")


def send_due_announcements(now=None):
    """Send every announcement whose time has come; returns the ids sent."""
    now = now or timezone.now()
    sent = []
    while True:
        with transaction.atomic():
            announcement = (
                Announcement.objects.select_for_update(skip_locked=True)
                .filter(sent_at__isnull=True, send_at__lte=now)
                .order_by("send_at", "pk")
                .first()
            )
            if announcement is None:
                return sent
            for user in recipients(announcement).iterator(chunk_size=500):
                notify(
                    user,
                    ANNOUNCEMENT,
                    {"announcement": announcement.pk},
                    key=f"announcement-{announcement.pk}",
                )
            announcement.sent_at = timezone.now()
            announcement.save(update_fields=["sent_at"])
            sent.append(announcement.pk)
