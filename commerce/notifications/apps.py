from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """``notify()``: the in-app centre, WebSocket push, email, web push, and channels other apps add."""

    name = "commerce.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from . import announcements, channels, emails, events, webpush  # noqa: F401 - registers its event

        channels.register_channel(events.EMAIL, emails.send_email, label=_("Email"))
        channels.register_channel(
            events.WEBPUSH, webpush.send_push, label=_("Push on this device"), available=webpush.is_available
        )
