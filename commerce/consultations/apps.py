from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    """Paid consultations: text and video messages to experts whose price waits in escrow until the
    expert answers (captured 80/20), declines or lets the deadline pass (voided), and the clients'
    ratings of the answers. Every state change goes through ``commerce.consultations.services``."""

    name = "commerce.consultations"
    label = "consultations"
    verbose_name = _("Consultations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import earnings, notices, sections, thread

        notices.register_events()
        sections.register_paid_messages()
        earnings.register_earnings()
        thread.register_composer()
