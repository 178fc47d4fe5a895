"""Beat's bookings work; each task is safe to run twice or twice at once."""

from celery import shared_task

from . import ics, services
from .models import Provider


@shared_task(acks_late=True)
def send_due_reminders():
    return services.send_due_reminders()


@shared_task(acks_late=True)
def release_expired_holds():
    return services.release_expired_holds()


@shared_task(acks_late=True)
def refresh_calendars():
    """Refresh every imported calendar (one provider at a time, each in its own task)."""
    for pk in Provider.objects.exclude(ics_url="").values_list("pk", flat=True):
        refresh_calendar.delay(pk)


@shared_task(acks_late=True)
def refresh_calendar(provider_id):
    provider = Provider.objects.filter(pk=provider_id).first()
    if provider is not None:
        ics.refresh(provider)
