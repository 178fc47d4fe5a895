from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    """Bookings: providers' availability, free slots, bookings that never overlap (an exclusion
    constraint), checkout holds for paid services, reminders, and calendar feeds in and out."""

    name = "commerce.bookings"
    label = "bookings"
    verbose_name = _("Bookings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import consultations_section, earnings, fulfilment, notices

        notices.register_events()
        fulfilment.register_services()
        earnings.register_pending_earnings()
        consultations_section.register_section()
