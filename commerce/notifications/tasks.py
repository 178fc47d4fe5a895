"""Notification tasks: thin, safe to run twice (each channel is recorded once per notification)."""

from celery import shared_task

from . import digests, services


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def deliver_notification(notification_id):
    """Send one stored notification on every channel due (already-sent channels are skipped)."""
    return services.deliver(notification_id)


@shared_task(acks_late=True)
def send_digests():
    """Send the waiting digest emails (beat, hourly)."""
    return digests.send_digests()


@shared_task(acks_late=True)
def send_due_announcements():
    """Send the announcements whose time has come (beat, every minute)."""
    from .announcements import send_due_announcements as send

    return send()
