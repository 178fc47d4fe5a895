"""State changes of conversations; every one inside a transaction, its broadcasts after commit.

``post_message`` is the one way a message enters a thread (pages, API, socket, tests). It knows
whether the message is the thread's first from the client (``Posted.opened_thread``, decided under
the thread's row lock). After commit it broadcasts the message to the thread's sockets, then queues
``tasks.announce_message``, which moves the others' unread counts and tells support staff (support
threads) or the shop's users (seller threads) through ``notify`` with the event
``messaging.thread_opened``: the admin's phone alert hangs on that event (see ``notices.py``).
Every later message is ``messaging.new_message`` to the other side.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from . import broadcast, notices
from .access import is_staff_side, is_support_staff, remember_guest_thread, role_in
from .attachments import checked_attachment
from .exceptions import MessageRefused, ThreadRefused
from .models import Block, Message, Participant, Report, Thread
from .selectors import thread_unread, unread_total
from .text import MAX_LENGTH, clean_body

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


@dataclass(frozen=True)
class Posted:
    message: Message
    #: The thread's first message from its client: the conversation has just opened.
    opened_thread: bool


# --- Opening threads ---------------------------------------------------------------------------


def open_support_thread(*, user=None, guest_email="", session=None):
    """``(thread, created)``: the client's open support thread, or a new one. A guest gives an email
    and gets the thread through their session."""
    if user is not None and user.is_authenticated:
        existing = Thread.objects.filter(
            kind=Thread.SUPPORT,
            status=Thread.OPEN,
            participants__user=user,
            participants__role=Participant.CLIENT,
        ).first()
        if existing:
            return existing, False
        with transaction.atomic():
            thread = Thread.objects.create(kind=Thread.SUPPORT)
            Participant.objects.create(thread=thread, user=user, role=Participant.CLIENT)
        return thread, True
    try:
        validate_email(guest_email or "")
    except ValidationError as error:
        raise ThreadRefused(_("Leave your email so support can answer you.")) from error
    thread = Thread.objects.create(kind=Thread.SUPPORT, guest_email=guest_email)
    if session is not None:
        remember_guest_thread(session, thread)
    return thread, True


def open_seller_thread(*, client, partner, product=None, order=None):
    """``(thread, created)``: the client's conversation with a shop about a product or an order (one
    per subject, reused)."""
    if client is None or not client.is_authenticated:
        raise ThreadRefused(_("Sign in to write to the seller."))
    if partner.users.filter(pk=client.pk).exists():
        raise ThreadRefused(_("This is your own shop."))
    if product is not None and not _sells(partner, product):
        raise ThreadRefused(_("This shop does not sell that product."))
    if order is not None and (order.user_id != client.pk or not order.lines.filter(partner=partner).exists()):
        raise ThreadRefused(_("That order has nothing from this shop."))
    with transaction.atomic():
        existing = (
            Thread.objects.select_for_update()
            .filter(
                kind=Thread.SELLER, partner=partner, product=product, order=order, participants__user=client
            )
            .first()
        )
        if existing:
            return existing, False
        thread = Thread.objects.create(kind=Thread.SELLER, partner=partner, product=product, order=order)
        Participant.objects.create(thread=thread, user=client, role=Participant.CLIENT)
    return thread, True


def _sells(partner, product):
    """The shop has a stock record of the product, or of one of its variants (a parent product)."""
    if product.stockrecords.filter(partner=partner).exists():
        return True
    return product.children.filter(stockrecords__partner=partner).exists()


# --- Messages ----------------------------------------------------------------------------------


#: ``messaging_post_message``'s refusals (migration 0003), in the sender's language.
REFUSALS = {
    "rate": lambda: _("You are sending messages too fast; wait a moment."),
    "blocked": lambda: _("This person no longer receives your messages."),
}


#: One message stored in one round trip (``messaging_post_message``, migration 0003): under the
#: thread's row lock, the sender's rate and blocks are checked, the message inserted, the thread's
#: last message date (reopening it for a client) and the sender's read mark moved. Its row:
#: ``(refusal, message id, had_client_message, reopened)``. Sockets run it from their event loop
#: (``live.py``), everything else through Django's connection (``post_message``).
STORE_SQL = "SELECT * FROM messaging_post_message(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"


def store_params(message):
    return [
        message.thread_id,
        message.sender_id,
        message.sender_role,
        message.body,
        message.internal,
        message.attachment.name or "",
        message.attachment_name,
        message.attachment_type,
        message.sent_at,
        settings.MESSAGING_MAX_MESSAGES_PER_MINUTE,
    ]


def new_message(thread, *, sender=None, body="", attachment=None, internal=False, role=None, paid=False):
    """The unsaved message, once what needs no database is checked (raises ``MessageRefused``);
    an attachment is checked and stored privately. No query when ``role`` is given without a file."""
    if thread.kind in Thread.PAID_KINDS and not paid:
        raise MessageRefused(
            _("Each question to an expert is a paid message: write from the expert's profile.")
        )
    role = role or role_in(thread, sender)
    text = clean_body(body)
    if not text and attachment is None:
        raise MessageRefused(_("Write a message or attach a file."))
    if len(text) > MAX_LENGTH:
        raise MessageRefused(_("A message holds at most %(count)d characters.") % {"count": MAX_LENGTH})
    if internal and role != Participant.SUPPORT:
        raise MessageRefused(_("Only support can write internal notes."))
    checked = None
    if attachment is not None:
        try:
            checked = checked_attachment(attachment)
        except ValidationError as error:
            raise MessageRefused(" ".join(error.messages)) from error
    message = Message(
        thread=thread, sender=sender, sender_role=role, body=text, internal=internal, sent_at=timezone.now()
    )
    if checked:
        upload, name, content_type = checked
        message.attachment_name, message.attachment_type = name, content_type
        message.attachment.save(upload.name, upload, save=False)
    return message


def stored(message, row):
    """``Posted`` from ``STORE_SQL``'s row; a refusal raises ``MessageRefused`` (and drops the file
    stored for nothing): nothing was written."""
    refusal, message.pk, had_client_message, reopened = row
    if refusal:
        if message.attachment:
            message.attachment.delete(save=False)
        raise MessageRefused(REFUSALS[refusal]())
    message._state.adding = False
    thread = message.thread
    thread.last_message_at = message.sent_at
    if reopened:
        thread.status = Thread.OPEN
    opened = message.sender_role == Participant.CLIENT and not message.internal and not had_client_message
    return Posted(message=message, opened_thread=opened)


def post_message(thread, *, sender=None, body="", attachment=None, internal=False, role=None, paid=False):
    """Store a message from ``sender`` (``None``: the guest who owns the thread), then broadcast it.
    ``role`` is the sender's role when the caller already read it with ``access.role_in`` (a socket,
    when it joined): one lookup less.

    Refusals (empty, too long, too fast, blocked, an internal note from the client side, a bad
    attachment, a free message in a paid conversation) raise ``MessageRefused`` and write nothing.
    ``paid`` is for the app owning a ``Thread.PAID_KINDS`` conversation, posting a paid question or answer.
    """
    message = new_message(
        thread, sender=sender, body=body, attachment=attachment, internal=internal, role=role, paid=paid
    )
    with connection.cursor() as cursor:
        cursor.execute(STORE_SQL, store_params(message))
        posted = stored(message, cursor.fetchone())
    transaction.on_commit(lambda: _after_post(posted))
    return posted


def _after_post(posted):
    from .tasks import announce_message

    broadcast.send_message(posted.message)
    if not posted.message.internal:
        announce_message.delay(posted.message.pk, posted.opened_thread)


def announce(posted):
    """The others' unread counts move, and they are told (``notices``): run by ``tasks.announce_message``."""
    message = posted.message
    others = recipients(message.thread, exclude=message.sender)
    for user in others:
        broadcast.send_unread(
            user.pk, message.thread_id, thread_unread(message.thread, user), unread_total(user)
        )
    notices.message_posted(posted, others)


def recipients(thread, *, exclude=None):
    """Signed-in people who should hear of a message in ``thread``: its client (and expert), and on
    the answering side the shop's users (seller thread) or the assigned agent (support thread);
    support staff who only looked at a thread are not told."""
    from django.contrib.auth import get_user_model

    user_ids = set(thread.participants.exclude(role=Participant.SUPPORT).values_list("user_id", flat=True))
    if thread.kind == Thread.SELLER and thread.partner_id:
        user_ids |= set(thread.partner.users.values_list("pk", flat=True))
    if thread.kind == Thread.SUPPORT and thread.assigned_to_id:
        user_ids.add(thread.assigned_to_id)
    if exclude is not None:
        user_ids.discard(exclude.pk)
    return list(get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("pk"))


def _read_up_to(thread, user, role, message_id):
    updated = Participant.objects.filter(thread=thread, user=user).update(
        last_read_id=Greatest("last_read_id", message_id)
    )
    if not updated:
        try:
            with transaction.atomic():
                Participant.objects.create(thread=thread, user=user, role=role, last_read_id=message_id)
        except IntegrityError:  # created meanwhile by another page of the same user
            _read_up_to(thread, user, role, message_id)


def mark_read(thread, user, up_to):
    """``user`` has seen the thread up to message ``up_to`` (never moves back); the other side sees
    the receipt."""
    if user is None or not user.is_authenticated:
        return
    last = thread.messages.filter(pk__lte=up_to).order_by("-pk").values_list("pk", flat=True).first()
    if last is None:
        return
    role = role_in(thread, user)
    with transaction.atomic():
        _read_up_to(thread, user, role, last)
        transaction.on_commit(lambda: _after_read(thread, user, role, last))


def _after_read(thread, user, role, last):
    broadcast.send_read(thread.pk, user.pk, role, last)
    broadcast.send_unread(user.pk, thread.pk, thread_unread(thread, user), unread_total(user))


# --- Support console ---------------------------------------------------------------------------


def _support_only(thread, by):
    if thread.kind != Thread.SUPPORT or not is_support_staff(by):
        raise ThreadRefused(_("Only support staff can do this."))


def assign(thread, agent, *, by):
    """Give the support thread to ``agent`` (``None``: back to the queue)."""
    _support_only(thread, by)
    if agent is not None and not is_support_staff(agent):
        raise ThreadRefused(_("Choose a support agent."))
    with transaction.atomic():
        Thread.objects.filter(pk=thread.pk).update(assigned_to=agent)
        thread.assigned_to = agent
        if agent is not None:
            Participant.objects.get_or_create(
                thread=thread, user=agent, defaults={"role": Participant.SUPPORT}
            )
        transaction.on_commit(lambda: broadcast.send_status(thread))
    return thread


def set_status(thread, status, *, by):
    """Close or reopen a thread (support for support threads, the shop for its own)."""
    role = role_in(thread, by)
    if not is_staff_side(role):
        raise ThreadRefused(_("Only the answering side can close or reopen a conversation."))
    with transaction.atomic():
        Thread.objects.filter(pk=thread.pk).update(status=status)
        thread.status = status
        transaction.on_commit(lambda: broadcast.send_status(thread))
    return thread


# --- Blocks and reports ------------------------------------------------------------------------


def block(blocker, blocked):
    if blocked is None or blocker.pk == blocked.pk:
        raise MessageRefused(_("You cannot block yourself."))
    Block.objects.get_or_create(blocker=blocker, blocked=blocked)


def unblock(blocker, blocked):
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()


def report(reporter, message, reason):
    """Report ``message`` (someone else's) to support, with the reporter's reason."""
    reason = clean_body(reason)
    if not reason:
        raise MessageRefused(_("Say why you report this message."))
    if message.sender_id == reporter.pk:
        raise MessageRefused(_("You cannot report your own message."))
    return Report.objects.create(
        reporter=reporter,
        reported=message.sender,
        thread=message.thread,
        message=message,
        quoted=message.body,
        reason=reason[:2000],
    )
