from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Real-time notices pushed to a signed-in user's open pages over a WebSocket."""

    name = "commerce.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
