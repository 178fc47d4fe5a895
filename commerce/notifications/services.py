"""Send a notice to every open page of one user, through the channel layer."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def user_group(user_id):
    """Channel-layer group holding every socket of one user."""
    return f"notifications.user.{user_id}"


def push_to_user(user_id, kind, payload):
    """Deliver ``{"kind": ..., "payload": ...}`` to the user's sockets once the transaction commits."""
    message = {"type": "notification.message", "kind": kind, "payload": payload}

    def send():
        async_to_sync(get_channel_layer().group_send)(user_group(user_id), message)

    transaction.on_commit(send)
