"""Beat's call sweeps (thin; both are safe to run twice)."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def end_due_calls():
    return services.end_due_calls()


@shared_task(acks_late=True)
def delete_old_recordings():
    return services.delete_old_recordings()
