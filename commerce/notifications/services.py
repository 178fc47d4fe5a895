"""``notify()``: the one way anything tells a person something, and the state changes of the centre.

``notify(user, event, context, key=...)`` stores the in-app notification (rendered in the
recipient's language) inside the caller's transaction, then after commit a Celery task delivers it:
the user's open pages over the WebSocket, then every channel (email, web push, those other apps
register) the recipient's preferences turn on for that event type. A cause told twice stores one
notification (its key is unique) and the task records each channel it delivered under the
notification's row lock, so a task run twice sends once.
"""

import hashlib
import json
import logging

from django.contrib.auth.models import AnonymousUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from commerce.communication.utils import guest_language, language_of
from commerce.core import sockets

from . import channels, events
from .events import DIGEST, EMAIL, INSTANT, OFF
from .models import Delivery, Notification, Preference

logger = logging.getLogger(__name__)

#: The delivery record of the push to the recipient's open pages (not a configurable channel).
WEBSOCKET = "websocket"


class RecipientNotAllowed(ValueError):
    """The event's registration does not let this person receive it (an admins-only alert …)."""


def user_group(user_id):
    """Channel-layer group holding every socket of one user."""
    return f"notifications.user.{user_id}"


def push_to_user(user_id, kind, payload):
    """Deliver ``{"kind": ..., "payload": ...}`` to the user's sockets once the transaction commits.

    For live updates that are not notices (a count that moved); anything a person should be told
    goes through ``notify()``.
    """
    transaction.on_commit(lambda: _push_now(user_id, kind, payload))


def _push_now(user_id, kind, payload):
    """Send to the user's sockets now, from any thread."""
    message = {"type": "notification.message", "kind": kind, "payload": payload}
    sockets.group_send(user_group(user_id), message)


def notify(user, event, context=None, *, key=None):
    """Tell ``user`` (a user, or a guest's email address) about ``event``; returns the notification.

    ``context`` must be JSON-serialisable (it is stored and read by the delivery task): ids and
    strings, not model instances. ``key`` makes the notice idempotent per cause (``"order-42"``);
    without it the key is derived from the context, so the same call twice tells once. The
    recipient gets it in-app at once (after commit) and on the channels their preferences turn on.
    """
    spec = events.get(event)
    guest = isinstance(user, str)
    address = user.strip() if guest else ""
    if guest:
        user = None
    elif not spec.allows(user):
        raise RecipientNotAllowed(f"{event} may not be sent to user {user.pk}")
    context = json.loads(json.dumps(context or {}, cls=DjangoJSONEncoder))
    language = _language(user, address, context)
    with translation.override(language):
        text = (
            spec.render(context)
            if spec.render
            else {"title": _fill(spec.title, context), "body": _fill(spec.body, context)}
        )
    recipient_ident = f"u{user.pk}" if user is not None else f"e:{address.lower()}"
    full_key = f"{recipient_ident}:{event}:{key if key is not None else _context_digest(context)}"
    if len(full_key) > 255:  # a long address or key: its digest is as unique
        full_key = hashlib.sha256(full_key.encode()).hexdigest()
    fields = {
        "recipient": user,
        "email": address,
        "event": event,
        "context": context,
        "language": language,
        "title": str(text["title"])[:255],
        "body": str(text.get("body", "")),
        "url": str(text.get("url") or context.get("url") or "")[:500],
    }
    try:
        with transaction.atomic():
            notification, created = Notification.objects.get_or_create(key=full_key, defaults=fields)
    except IntegrityError:  # the same cause told at the same moment by another transaction
        return Notification.objects.get(key=full_key)
    if created:
        from .tasks import deliver_notification  # the task module imports this one

        notification_id = notification.pk
        transaction.on_commit(lambda: deliver_notification.delay(notification_id))
    return notification


def _language(user, address, context):
    if context.get("language"):
        return context["language"]
    if user is not None:
        return language_of(user)
    return guest_language(address)


def _fill(text, context):
    text = str(text)
    try:
        return text % context if "%(" in text else text
    except (KeyError, TypeError, ValueError):
        logger.warning("Notification text %r lacks some of its context %r", text, sorted(context))
        return text


def _context_digest(context):
    canonical = json.dumps(context, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:40]


# --- Delivery (run by the task) ---------------------------------------------------------------------
def mode_for(user, event, channel):
    """What ``user`` chose for ``event`` on ``channel``, else the event's default."""
    spec = events.get(event) if isinstance(event, str) else event
    mode = None
    if user is not None:
        mode = (
            Preference.objects.filter(user=user, event=spec.code, channel=channel)
            .values_list("mode", flat=True)
            .first()
        )
    if mode is None or not spec.configurable:
        mode = spec.default_mode(channel)
    if mode == DIGEST and not (spec.digestible and channel == EMAIL):
        mode = INSTANT
    return mode


def deliver(notification_id):
    """Send one stored notification on every channel it is due on, each at most once.

    Each channel is sent and recorded in its own transaction under the notification's row lock:
    a second run (broker redelivery, two workers) waits, then finds the channel recorded. A channel
    that fails is not recorded; the others stay sent, and the error is raised for a retry.
    Returns the channels sent now.
    """
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None:
        return []
    spec = events.get(notification.event)
    user = notification.recipient
    due = []
    if user is not None:
        due.append(WEBSOCKET)
    for channel in channels.all_channels():
        if user is None:
            if channel.name == EMAIL:
                due.append(EMAIL)
            continue
        if channel.is_available(user) and mode_for(user, spec, channel.name) != OFF:
            due.append(channel.name)
    sent, failure = [], None
    for name in due:
        try:
            if _deliver_on(notification_id, name, spec):
                sent.append(name)
        except Exception as error:  # noqa: BLE001 - the others still go; raised again below
            logger.exception("Notification %s: %s failed", notification_id, name)
            failure = failure or error
    if failure is not None:
        raise failure
    return sent


def _deliver_on(notification_id, name, spec):
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .get(pk=notification_id)
        )
        if Delivery.objects.filter(notification=notification, channel=name).exists():
            return False
        if name == WEBSOCKET:
            _push_now(notification.recipient_id, notification.event, as_payload(notification))
        elif notification.recipient_id and mode_for(notification.recipient, spec, name) == DIGEST:
            Delivery.objects.create(notification=notification, channel=name, status=Delivery.DIGEST_PENDING)
            return False
        else:
            channels.get_channel(name).send(notification)
        Delivery.objects.create(notification=notification, channel=name, sent_at=timezone.now())
        return True


def as_payload(notification):
    """What pages receive over the WebSocket (and the API lists): the notice and the unread count."""
    return {
        "id": notification.pk,
        "event": notification.event,
        "title": notification.title,
        "body": notification.body,
        "url": notification.url,
        "created_at": notification.created_at.isoformat(),
        "unread": unread_count(notification.recipient_id),
    }


# --- The centre ---------------------------------------------------------------------------------------
def unread_count(user_id):
    return Notification.objects.filter(
        recipient_id=user_id, read_at__isnull=True, archived_at__isnull=True
    ).count()


def _own(user, notification_id):
    if user is None or isinstance(user, AnonymousUser):
        raise Notification.DoesNotExist
    return Notification.objects.select_for_update().get(pk=notification_id, recipient=user)


@transaction.atomic
def mark_read(user, notification_id):
    """Mark one of ``user``'s notifications read; ``Notification.DoesNotExist`` for anyone else's."""
    notification = _own(user, notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        _push_count_on_commit(user.pk)
    return notification


@transaction.atomic
def mark_unread(user, notification_id):
    notification = _own(user, notification_id)
    if notification.read_at is not None:
        notification.read_at = None
        notification.save(update_fields=["read_at"])
        _push_count_on_commit(user.pk)
    return notification


@transaction.atomic
def mark_all_read(user):
    updated = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    if updated:
        _push_count_on_commit(user.pk)
    return updated


@transaction.atomic
def archive(user, notification_id, archived=True):
    """Archive (or bring back) one of ``user``'s notifications; archived ones are read."""
    notification = _own(user, notification_id)
    now = timezone.now()
    notification.archived_at = now if archived else None
    notification.read_at = notification.read_at or now
    notification.save(update_fields=["archived_at", "read_at"])
    _push_count_on_commit(user.pk)
    return notification


def _push_count_on_commit(user_id):
    """Other open pages of this person update their bell."""
    transaction.on_commit(lambda: _push_now(user_id, "unread", {"unread": unread_count(user_id)}))


# --- Preferences -----------------------------------------------------------------------------------
class InvalidPreference(ValueError):
    """A mode, event or channel this person may not choose."""


@transaction.atomic
def set_preferences(user, choices):
    """Save ``{(event, channel): mode}`` for ``user`` after checking every pair; nothing on error."""
    allowed_events = {event.code: event for event in events.events_for(user)}
    allowed_channels = {channel.name for channel in channels.channels_for(user)}
    rows = []
    for (event, channel), mode in choices.items():
        spec = allowed_events.get(event)
        if spec is None or channel not in allowed_channels or mode not in (INSTANT, DIGEST, OFF):
            raise InvalidPreference((event, channel, mode))
        if mode == DIGEST and not (spec.digestible and channel == EMAIL):
            raise InvalidPreference((event, channel, mode))
        rows.append(Preference(user=user, event=event, channel=channel, mode=mode))
    Preference.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["user", "event", "channel"],
        update_fields=["mode"],
    )
    return len(rows)
