from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    """Video calls of confirmed expert bookings: peer-to-peer WebRTC signalled over a Channels
    socket, TURN credentials, the server-side meter that bills minutes from the booking's coin hold,
    whiteboards and recordings kept privately for the two participants."""

    name = "commerce.calls"
    label = "calls"
    verbose_name = _("Video calls")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notices

        notices.register_events()
