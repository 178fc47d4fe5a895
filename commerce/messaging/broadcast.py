"""What a thread's sockets receive, sent through the channel layer after the data is committed.

Groups: ``chat.<thread id>`` (everyone in the thread), ``chat.<thread id>.staff`` (the answering
side: internal notes), ``chat.inbox.<user id>`` (a person's unread counts, every page of theirs).
"""

from django.urls import reverse

from commerce.core import sockets

from .models import Participant
from .text import message_html


def thread_group(thread_id):
    return f"chat.{thread_id}"


def staff_group(thread_id):
    return f"chat.{thread_id}.staff"


def inbox_group(user_id):
    return f"chat.inbox.{user_id}"


def sender_name(message):
    """What the other side sees as the author: the shop's name for a seller, the agent's first name
    for support (pages put "Support" before it in their language), the client's first name (or the
    email before the @)."""
    user = message.sender
    if message.sender_role == Participant.SELLER and message.thread.partner_id:
        return message.thread.partner.name
    if message.sender_role == Participant.SUPPORT:
        return user.first_name if user else ""
    if user is None:
        return message.thread.guest_email.split("@")[0]
    return user.first_name or user.email.split("@")[0]


def message_frame(message):
    """``{"type": "message", "id", "sender", "body", "sent_at"}`` and what pages also show."""
    attachment = None
    if message.attachment:
        attachment = {
            "url": reverse("messaging-attachment", args=[message.pk]),
            "name": message.attachment_name,
            "type": message.attachment_type,
        }
    return {
        "type": "message",
        "id": message.pk,
        "thread": message.thread_id,
        "sender": {"id": message.sender_id, "name": sender_name(message), "role": message.sender_role},
        "body": message.body,
        "html": message_html(message.body),
        "sent_at": message.sent_at.isoformat(),
        "internal": message.internal,
        "attachment": attachment,
    }


def _send(group, event):
    sockets.group_send(group, event)


def message_event(message):
    """``(group, event)`` carrying a stored message to its sockets (internal notes: staff only)."""
    group = staff_group(message.thread_id) if message.internal else thread_group(message.thread_id)
    return group, {"type": "chat.frame", "frame": message_frame(message)}


def send_message(message):
    _send(*message_event(message))


def send_read(thread_id, user_id, role, up_to):
    frame = {"type": "read", "reader": {"id": user_id, "role": role}, "up_to": up_to}
    _send(thread_group(thread_id), {"type": "chat.frame", "frame": frame})


def send_status(thread):
    frame = {"type": "status", "status": thread.status, "assigned_to": thread.assigned_to_id}
    _send(thread_group(thread.pk), {"type": "chat.frame", "frame": frame})


def send_unread(user_id, thread_id, unread, total):
    frame = {"type": "unread", "thread": thread_id, "unread": unread, "total": total}
    _send(inbox_group(user_id), {"type": "chat.frame", "frame": frame})
