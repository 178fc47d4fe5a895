"""Background work of conversations (each task is safe to run twice)."""

from celery import shared_task
from django.db import OperationalError

from . import services
from .models import Message


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def announce_message(message_id, opened_thread):
    """After a message is stored and on the thread's sockets: the others' unread counts, and the
    notifications (``notices``). Kept off the socket's path, so a busy inbox never slows a chat.
    Safe twice: counts are absolute and ``notify`` is keyed by message."""
    message = Message.objects.select_related("thread__partner", "sender").filter(pk=message_id).first()
    if message is not None:
        services.announce(services.Posted(message=message, opened_thread=opened_thread))


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def announce_messages(batch):
    """``announce_message`` for each ``[message_id, opened_thread]`` of a batch (a chat socket's
    messages of a fraction of a second, ``live``): one task queued instead of one per message.
    Safe twice, as each announcement is."""
    for message_id, opened_thread in batch:
        announce_message(message_id, opened_thread)
