"""Every state change of a paid message: send, reply, decline, expire, and the ratings after.

``send`` holds the expert's price from the client's wallet (``commerce.wallet.services.hold``) and
posts the question in the client's conversation with the expert, in one transaction: not enough
coins means no hold, no message, no post, and no video left in storage (a video written before a
failure is deleted once the transaction is rolled back). A message then resolves exactly once,
each way under the message's row lock and with the hold's own pending check:

- ``reply``: the hold is captured, 80 % to the expert's earnings, 20 % to the platform;
- ``decline``: the hold is voided, the coins go back;
- ``expire_due`` (beat, every minute): messages past their deadline are voided, each locked
  ``FOR UPDATE SKIP LOCKED`` so two sweeps, or a sweep and an answer, never resolve one twice.

The hold's own expiry is set a grace period after the message's deadline, so the wallet's sweep
never strands a message; if it ever got there first, ``expire_due`` still closes the message.
What follows each change (the notices) is sent after commit from ``notices``.
"""

from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Avg, Count
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from commerce.core import pagecache
from commerce.experts.models import ExpertProfile
from commerce.messaging import services as messaging
from commerce.messaging.exceptions import MessageRefused
from commerce.messaging.models import Participant, Thread
from commerce.messaging.text import MAX_LENGTH
from commerce.wallet import services as wallet
from commerce.wallet.exceptions import HoldNotPending, InsufficientCoins
from commerce.wallet.models import Hold
from commerce.wallet.selectors import available_coins

from . import notices
from .exceptions import (
    AlreadyResolved,
    ConsultationError,
    InvalidMessage,
    NotEnoughCoins,
    RatingRefused,
    ServiceNotOffered,
)
from .models import PaidMessage, Rating, RatingSummary
from .video import checked_video

Kind = PaidMessage.Kind
Status = PaidMessage.Status
PRICE_FIELDS = {Kind.TEXT: "text_price", Kind.VIDEO: "video_price"}


def price_of(expert, kind):
    """The expert's price in coins for ``kind`` now, or ``None`` when they do not offer it."""
    return getattr(expert, PRICE_FIELDS[kind])


def _clean_text(text, *, required):
    text = (text or "").strip()
    if required and not text:
        raise InvalidMessage
    if len(text) > MAX_LENGTH:
        raise InvalidMessage(_("A message holds at most %(count)d characters.") % {"count": MAX_LENGTH})
    return text


# --- Sending -------------------------------------------------------------------------------------
def send(client, expert, kind, body, video=None):
    """Send ``client``'s question to ``expert`` (a profile) and hold its price; returns the message.

    Raises ``Http404`` unless the expert is approved and public, ``ServiceNotOffered`` when they
    have no price for ``kind``, ``InvalidMessage`` for an empty or oversized question or a bad
    video, ``NotEnoughCoins`` when the wallet cannot pay (nothing held, nothing kept).
    """
    if kind not in PRICE_FIELDS:
        raise InvalidMessage(_("Choose a text or a video message."))
    body = _clean_text(body, required=kind == Kind.TEXT)
    checked = None
    if kind == Kind.VIDEO:
        if video is None:
            raise InvalidMessage(_("Record or choose a video."))
        checked = checked_video(video)
    try:
        with _videos_removed_on_failure() as stored, transaction.atomic():
            return _send(client, expert, kind, body, checked, stored)
    except InsufficientCoins as error:
        raise NotEnoughCoins(error.needed, error.available) from error
    except MessageRefused as error:
        raise ConsultationError(str(error)) from error


@contextmanager
def _videos_removed_on_failure():
    """Yields ``stored(field_file)`` to call after saving a video inside the block's transaction;
    if the block fails before its transaction commits (a hold lost to a concurrent send, a refusal
    after the file was written, any error), the rollback forgets the row and this deletes the file,
    so no video is left in private storage without its message. Entered outside
    ``transaction.atomic()``, so the files go once the rollback is done; an error raised after the
    commit (by an on-commit callback) keeps them, as their message exists."""
    files, committed = [], []

    def stored(field_file):
        files.append(field_file)
        transaction.on_commit(lambda: committed.append(True))

    try:
        yield stored
    except BaseException:
        if not committed:
            for field_file in files:
                field_file.storage.delete(field_file.name)
        raise


def _send(client, expert, kind, body, checked, stored):
    # The expert's row is locked: a question and an un-approval, or two questions opening the
    # client's conversation, do not interleave.
    expert = (
        ExpertProfile.objects.listed()
        .select_for_update(of=("self",))
        .select_related("user")
        .filter(pk=expert.pk)
        .first()
    )
    if expert is None or expert.user_id == client.pk:
        raise Http404
    price = price_of(expert, kind)
    if price is None:
        raise ServiceNotOffered
    available = available_coins(client)
    if available < price:  # before a video is stored; the hold below is what decides under races
        raise InsufficientCoins(price, available)
    now = timezone.now()
    message = PaidMessage(
        client=client,
        expert=expert,
        thread=_conversation(client, expert.user),
        kind=kind,
        body=body,
        price_coins=price,
        deadline=now + timedelta(hours=settings.CONSULTATIONS_REPLY_HOURS),
    )
    if checked:
        upload, message.video_type = checked
        message.video.save(upload.name, upload, save=False)
        stored(message.video)
    message.save()
    message.hold = wallet.hold(
        client,
        price,
        reference=_("Question to %(expert)s") % {"expert": expert.full_name},
        key=f"consultation:{message.pk}",
        expires_at=message.deadline + timedelta(hours=settings.CONSULTATIONS_HOLD_GRACE_HOURS),
        subject=message,
    )
    message.save(update_fields=["hold"])
    messaging.post_message(message.thread, sender=client, body=_thread_text(body, kind, client), paid=True)
    notices.sent(message)
    return message


def _conversation(client, expert_user):
    """The client's conversation with the expert (kind ``expert``), opened on the first question."""
    thread = (
        Thread.objects.filter(
            kind=Thread.EXPERT, participants__user=client, participants__role=Participant.CLIENT
        )
        .filter(participants__user=expert_user, participants__role=Participant.EXPERT)
        .first()
    )
    if thread is None:
        thread = Thread.objects.create(kind=Thread.EXPERT)
        Participant.objects.bulk_create(
            [
                Participant(thread=thread, user=client, role=Participant.CLIENT),
                Participant(thread=thread, user=expert_user, role=Participant.EXPERT),
            ]
        )
    return thread


def _thread_text(text, kind, author):
    """What the conversation shows for a question or an answer: its text, or for a video alone a
    line saying one was sent (in the author's language; the video opens from the consultation)."""
    if text:
        return text
    with override(getattr(author, "language", None) or settings.LANGUAGE_CODE):
        return _("🎥 Video message") if kind == Kind.VIDEO else ""


# --- Resolving -----------------------------------------------------------------------------------
def _locked_for_expert(expert_user, message):
    """The message locked for its expert; anyone else is told it does not exist."""
    locked = (
        PaidMessage.objects.select_for_update(of=("self",))
        .select_related("hold", "expert", "thread")
        .filter(pk=message.pk, expert__user=expert_user)
        .first()
    )
    if locked is None:
        raise Http404
    if locked.status != Status.AWAITING_REPLY:
        raise AlreadyResolved
    return locked


def reply(expert_user, message, text="", video=None):
    """The expert answers: the hold is captured (80/20) and the client told. Returns the message.
    The expert's pages are refreshed (their usual response time moved).

    Raises ``Http404`` for anyone but the message's expert, ``AlreadyResolved`` when it was
    declined, expired or answered already (an answer racing the expiry loses cleanly).
    """
    text = _clean_text(text, required=video is None)
    checked = checked_video(video) if video is not None else None
    with _videos_removed_on_failure() as stored, transaction.atomic():
        locked = _locked_for_expert(expert_user, message)
        try:
            wallet.capture(locked.hold, earner=expert_user, key=f"consultation-answer:{locked.pk}")
        except HoldNotPending as error:
            raise AlreadyResolved from error
        now = timezone.now()
        locked.answer_text = text
        if checked:
            upload, locked.answer_video_type = checked
            locked.answer_video.save(upload.name, upload, save=False)
            stored(locked.answer_video)
        locked.status, locked.answered_at, locked.resolved_at = Status.ANSWERED, now, now
        locked.save(
            update_fields=[
                "answer_text",
                "answer_video",
                "answer_video_type",
                "status",
                "answered_at",
                "resolved_at",
            ]
        )
        messaging.post_message(
            locked.thread,
            sender=expert_user,
            body=_thread_text(text, Kind.VIDEO, expert_user),
            role=Participant.EXPERT,
            paid=True,
        )
        notices.answered(locked)
        _bump_pages()
    return locked


def decline(expert_user, message):
    """The expert declines: the hold is voided, the coins go back, the client is told."""
    with transaction.atomic():
        locked = _locked_for_expert(expert_user, message)
        try:
            wallet.void(locked.hold, key=f"consultation-decline:{locked.pk}")
        except HoldNotPending as error:
            raise AlreadyResolved from error
        locked.status, locked.resolved_at = Status.DECLINED, timezone.now()
        locked.save(update_fields=["status", "resolved_at"])
        notices.declined(locked)
    return locked


def expire_due(now=None, *, batch=500):
    """Give back the coins of messages past their deadline; returns how many expired (for beat)."""
    now = now or timezone.now()
    due = list(
        PaidMessage.objects.filter(status=Status.AWAITING_REPLY, deadline__lte=now)
        .order_by("deadline", "pk")
        .values_list("pk", flat=True)[:batch]
    )
    expired = 0
    for pk in due:
        with transaction.atomic():
            locked = (
                PaidMessage.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("hold")
                .filter(pk=pk, status=Status.AWAITING_REPLY, deadline__lte=now)
                .first()
            )
            if locked is None:
                continue
            if locked.hold.status == Hold.Status.PENDING:
                wallet.void(locked.hold, key=f"consultation-expire:{locked.pk}")
            locked.status, locked.resolved_at = Status.EXPIRED, timezone.now()
            locked.save(update_fields=["status", "resolved_at"])
            notices.expired(locked)
            expired += 1
    return expired


# --- Ratings -------------------------------------------------------------------------------------
def rate(client, message, stars, comment=""):
    """The client rates an answered message once (1–5 and a comment), published after moderation."""
    if not isinstance(stars, int) or isinstance(stars, bool) or not 1 <= stars <= 5:
        raise RatingRefused(_("Give between 1 and 5 stars."))
    comment = (comment or "").strip()[:2000]
    with transaction.atomic():
        locked = PaidMessage.objects.select_for_update().filter(pk=message.pk, client=client).first()
        if locked is None:
            raise Http404
        if locked.status != Status.ANSWERED:
            raise RatingRefused(_("Only an answered message can be rated."))
        if Rating.objects.filter(message=locked).exists():
            raise RatingRefused(_("You already rated this answer."))
        return Rating.objects.create(message=locked, stars=stars, comment=comment)


def reply_to_rating(expert_user, rating, text):
    """The expert replies once, publicly, to a rating of one of their answers."""
    text = (text or "").strip()[:2000]
    if not text:
        raise RatingRefused(_("Write your reply."))
    with transaction.atomic():
        locked = (
            Rating.objects.select_for_update()
            .filter(pk=rating.pk, message__expert__user=expert_user)
            .select_related("message__expert")
            .first()
        )
        if locked is None:
            raise Http404
        if locked.replied_at is not None:
            raise RatingRefused(_("You already replied to this rating."))
        locked.expert_reply, locked.replied_at = text, timezone.now()
        locked.save(update_fields=["expert_reply", "replied_at"])
        if locked.status == Rating.Status.APPROVED:
            _bump_pages()
    return locked


def moderate(rating, status, *, by):
    """An admin publishes or hides a rating; the expert's average and count follow."""
    if status not in (Rating.Status.APPROVED, Rating.Status.HIDDEN):
        raise RatingRefused
    with transaction.atomic():
        locked = Rating.objects.select_for_update().select_related("message").get(pk=rating.pk)
        locked.status, locked.moderated_at, locked.moderated_by = status, timezone.now(), by
        locked.save(update_fields=["status", "moderated_at", "moderated_by"])
        refresh_summary(locked.message.expert_id)
    return locked


def refresh_summary(expert_id):
    """Recount the expert's published ratings (the profile and directory read the summary)."""
    figures = Rating.objects.filter(message__expert_id=expert_id, status=Rating.Status.APPROVED).aggregate(
        average=Avg("stars"), count=Count("pk")
    )
    RatingSummary.objects.update_or_create(
        expert_id=expert_id,
        defaults={"average": round(figures["average"] or 0, 2), "count": figures["count"]},
    )
    _bump_pages()


def _bump_pages():
    transaction.on_commit(lambda: pagecache.invalidate(pagecache.EXPERTS_TAG))
