"""What people are told when messages arrive, through ``commerce.notifications.notify``.

- ``messaging.thread_opened``: a client's first message in a thread. Support threads: every support
  agent and platform admin; seller threads: the shop's users. Context: ``thread``, ``kind``,
  ``gist`` (the first 140 characters), ``client``, ``shop``, ``url`` (where to answer). The admin's
  phone alert (Telegram, WhatsApp) listens to this event.
- ``messaging.new_message``: any later message, to the other side (``services.recipients``).

Paid conversations (``Thread.PAID_KINDS``, expert threads) are told by the app that owns them.

Both are sent after commit by ``services.post_message`` and keyed by message, so a retry tells no
one twice.
"""

from django.urls import reverse

from commerce.notifications import notify

from .access import support_staff
from .broadcast import sender_name
from .events import NEW_MESSAGE, THREAD_OPENED
from .models import Participant, Thread

#: Characters of the message quoted in a notification.
GIST_LENGTH = 140


def answer_url(thread, user):
    """Where ``user`` answers ``thread``: the support console, the shop's dashboard, or the client's page."""
    if user is None:  # a guest answers from the site's chat widget
        return "/"
    client = thread.participants.filter(user=user, role=Participant.CLIENT).exists()
    if thread.kind == Thread.SUPPORT and not client:
        return reverse("messaging-support:thread", args=[thread.pk])
    if thread.kind == Thread.SELLER and not client:
        return reverse("messaging-dashboard:thread", args=[thread.pk])
    return reverse("messaging:thread", args=[thread.pk])


def _context(posted, user):
    message, thread = posted.message, posted.message.thread
    client = thread.guest_email or next(
        (str(p.user) for p in thread.participants.select_related("user") if p.role == Participant.CLIENT), ""
    )
    return {
        "sender": sender_name(message),
        "thread": thread.pk,
        "kind": thread.kind,
        "gist": message.body[:GIST_LENGTH] or message.attachment_name,
        "client": client,
        "shop": thread.partner.name if thread.partner_id else "",
        "url": answer_url(thread, user),
    }


def message_posted(posted, recipients):
    """Tell the right people about a stored message (called after commit)."""
    message, thread = posted.message, posted.message.thread
    if thread.kind in Thread.PAID_KINDS:
        return  # the owning app tells them (a paid question, an answer), with what it cost
    if posted.opened_thread:
        answerers = (
            support_staff() if thread.kind == Thread.SUPPORT else thread.partner.users.filter(is_active=True)
        )
        for user in answerers:
            notify(user, THREAD_OPENED, _context(posted, user), key=f"message-{message.pk}")
        told = {user.pk for user in answerers}
    else:
        told = set()
    for user in recipients:
        if user.pk not in told:
            notify(user, NEW_MESSAGE, _context(posted, user), key=f"message-{message.pk}")
    if thread.guest_email and message.sender_role != Participant.CLIENT:
        notify(thread.guest_email, NEW_MESSAGE, _context(posted, None), key=f"message-{message.pk}")
