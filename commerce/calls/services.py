"""Every change of a call happens here: opening the room, heartbeats, extensions, the end and its
coins, recording consent and uploads, the whiteboard, and the sweeps beat runs.

The end is the money: ``end_call`` locks the call row, leaves at once if it already ended, reads
the meter from the stored heartbeats, then captures the coins of the minutes used from the
booking's hold (and its extensions', in order) — ``wallet.capture`` returns the rest to the client
and splits what it takes 80/20. Every wallet operation has a key derived from the call and the
hold, so nothing is charged twice even when two ends race or a task is retried.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from commerce.bookings.models import Booking
from commerce.bookings.services import cancellation_fee
from commerce.core.private_storage import private_storage
from commerce.wallet import services as wallet
from commerce.wallet.exceptions import InsufficientCoins
from commerce.wallet.models import Hold

from . import notices, selectors
from .exceptions import CallEnded, CallRefused, CannotExtend, NotOpenYet, NotParticipant, RecordingNotAgreed
from .models import Call, Extension, Heartbeat, Recording, RecordingChunk

log = logging.getLogger(__name__)


def opens_at(booking):
    return booking.start - timedelta(minutes=settings.CALLS_OPENS_MINUTES_BEFORE)


@transaction.atomic
def open_call(booking, user, now=None):
    """The call of ``booking`` for ``user`` (opened on first use); ``(call, role)``.

    Raises ``NotParticipant`` (not the client nor the expert, or not a confirmed call),
    ``NotOpenYet`` (earlier than ``CALLS_OPENS_MINUTES_BEFORE`` minutes before the start) or
    ``CallEnded``.
    """
    now = now or timezone.now()
    role = selectors.role_of(booking, user)
    if role is None:
        raise NotParticipant
    existing = Call.objects.filter(booking=booking).first()
    if existing is not None and existing.status == Call.Status.ENDED:
        raise CallEnded
    if booking.status != Booking.Status.CONFIRMED:
        raise NotParticipant(_("Only a confirmed booking has a call."))
    if now < opens_at(booking):
        raise NotOpenYet(
            _("The call opens %(minutes)d minutes before the booking starts.")
            % {"minutes": settings.CALLS_OPENS_MINUTES_BEFORE}
        )
    return existing or _room(booking), role


def _room(booking):
    call, _created = Call.objects.get_or_create(
        booking=booking,
        defaults={
            "price_per_minute": booking.coins // max(booking.minutes, 1),
            "minimum_minutes": booking.provider.expert.call_minimum_minutes,
        },
    )
    return call


@transaction.atomic
def heartbeat(call, role, now=None):
    """Record that ``role``'s socket is alive at ``now``; returns ``(call, frame, warn)``.

    ``frame`` is the meter; ``warn`` is True once, when one paid minute is left (the client may
    extend). When the paid minutes are used up the call ends here (``Call.Ending.LIMIT``).
    """
    now = now or timezone.now()
    call = Call.objects.select_for_update(of=("self",)).select_related("booking").get(pk=call.pk)
    if call.status == Call.Status.ENDED:
        raise CallEnded
    Heartbeat.objects.create(call=call, role=role, at=now)
    limit = selectors.held_minutes(call)
    reading = selectors.reading(call, limit)
    changed = []
    if reading.started and call.started_at is None:
        call.started_at = now
        changed.append("started_at")
    warn = False
    if reading.started and reading.seconds >= (limit - 1) * 60 and call.warned_at is None:
        call.warned_at = now
        changed.append("warned_at")
        warn = True
    if changed:
        call.save(update_fields=changed)
    if reading.seconds >= limit * 60:
        call = end_call(call, Call.Ending.LIMIT, now=now)
    return call, selectors.meter_frame(call, limit), warn


@transaction.atomic
def extend(call, user):
    """The client buys ``CALLS_EXTENSION_MINUTES`` more minutes: a new hold, if coins allow."""
    call = Call.objects.select_for_update(of=("self",)).select_related("booking").get(pk=call.pk)
    if call.status == Call.Status.ENDED:
        raise CallEnded
    if selectors.role_of(call.booking, user) != Call.CLIENT:
        raise NotParticipant(_("Only the client extends the call."))
    minutes = settings.CALLS_EXTENSION_MINUTES
    number = call.extensions.count() + 1
    try:
        hold = wallet.hold(
            user,
            minutes * call.price_per_minute,
            reference=_("Video call extension (%(minutes)d min)") % {"minutes": minutes},
            key=f"call-extend:{call.pk}:{number}",
            expires_at=timezone.now() + timedelta(hours=settings.WALLET_HOLD_TTL_HOURS),
            subject=call,
        )
    except InsufficientCoins as error:
        raise CannotExtend from error
    Extension.objects.create(call=call, minutes=minutes, hold=hold)
    call.warned_at = None
    call.save(update_fields=["warned_at"])
    return call


@transaction.atomic
def hang_up(call, role, now=None):
    """``role`` hangs up: their presence counts up to this moment, then the call ends for both."""
    now = now or timezone.now()
    call = Call.objects.select_for_update(of=("self",)).get(pk=call.pk)
    if call.status == Call.Status.OPEN:
        Heartbeat.objects.create(call=call, role=role, at=now)
    return end_call(call, Call.Ending.HUNG_UP, now=now)


@transaction.atomic
def end_call(call, ending, now=None):
    """End the call once and settle its coins (see the module docstring); returns the call.

    Who came decides: both together at least once → the minutes used (at least the minimum) are
    captured; the expert never came → every coin goes back; only the expert came → the booking's
    late-cancellation policy is captured for the expert; nobody → every coin goes back.
    """
    now = now or timezone.now()
    call = (
        Call.objects.select_for_update(of=("self",))
        .select_related("booking__provider__expert__user")
        .get(pk=call.pk)
    )
    if call.status == Call.Status.ENDED:
        return call
    booking = call.booking
    reading = selectors.reading(call)
    came = set(Heartbeat.objects.filter(call=call).values_list("role", flat=True).distinct())
    if reading.started:
        coins = reading.minutes * call.price_per_minute
        status = Booking.Status.COMPLETED
    else:
        if Call.EXPERT not in came:
            ending = Call.Ending.EXPERT_ABSENT if Call.CLIENT in came else Call.Ending.NOBODY
            coins = 0
        elif Call.CLIENT not in came:
            ending = Call.Ending.CLIENT_ABSENT
            coins = cancellation_fee(booking, now)
        else:
            coins = 0  # both came, never at the same time: nobody to charge for it
        status = Booking.Status.NO_SHOW
    charged = _settle(call, coins)
    call.status = Call.Status.ENDED
    call.ending = ending
    call.ended_at = now
    call.seconds = int(reading.seconds)
    call.minutes = reading.minutes
    call.coins = charged
    call.save(update_fields=["status", "ending", "ended_at", "seconds", "minutes", "coins"])
    Booking.objects.filter(pk=booking.pk, status=Booking.Status.CONFIRMED).update(
        status=status, updated_at=now
    )
    notices.ended(call)
    return call


def _settle(call, coins):
    """Capture ``coins`` from the call's pending holds in order; void those not needed. The coins
    actually captured (a hold already resolved elsewhere, e.g. expired, is left alone)."""
    booking = call.booking
    holds = [booking.coin_hold] if booking.coin_hold_id else []
    holds += [extension.hold for extension in call.extensions.select_related("hold")]
    earner = booking.provider.expert.user
    remaining = coins
    for hold in holds:
        hold = Hold.objects.select_for_update().get(pk=hold.pk)
        if hold.status != Hold.Status.PENDING:
            log.warning("Call %s: hold %s is %s, left alone", call.pk, hold.pk, hold.status)
            continue
        take = min(remaining, hold.coins)
        if take:
            wallet.capture(hold, coins=take, earner=earner, key=f"call-capture:{call.pk}:{hold.pk}")
        else:
            wallet.void(hold, key=f"call-void:{call.pk}:{hold.pk}")
        remaining -= take
    return coins - remaining


@transaction.atomic
def set_recording(call, role, wanted):
    """``role`` agrees (or no longer agrees) to record; returns whether both agree now."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status == Call.Status.ENDED:
        raise CallEnded
    field = "client_records" if role == Call.CLIENT else "expert_records"
    setattr(call, field, bool(wanted))
    call.save(update_fields=[field])
    return call.recording_agreed


@transaction.atomic
def add_recording_chunk(call, user, *, recording_id, seq, data):
    """Store one chunk of a recording (a new recording when ``recording_id`` is None); returns it.

    Only while both agree and the call is open; chunks past ``CALLS_MAX_CHUNK_BYTES`` are refused.
    The same ``seq`` sent twice (a retried upload) is stored once.
    """
    call = Call.objects.select_for_update(of=("self",)).select_related("booking").get(pk=call.pk)
    if selectors.role_of(call.booking, user) is None:
        raise NotParticipant
    if not call.recording_agreed:
        raise RecordingNotAgreed
    if not data or len(data) > settings.CALLS_MAX_CHUNK_BYTES:
        raise CallRefused(
            _("A recording chunk must hold between 1 byte and %(max)d bytes.")
            % {"max": settings.CALLS_MAX_CHUNK_BYTES}
        )
    if recording_id is None:
        recording = Recording.objects.create(call=call, recorded_by=user)
    else:
        recording = Recording.objects.select_for_update().filter(call=call, pk=recording_id).first()
        if recording is None:
            raise CallRefused(_("Unknown recording."))
    if recording.chunks.filter(seq=seq).exists():
        return recording
    name = private_storage().save(
        f"calls/{call.pk}/recording-{recording.pk}/{seq:06d}.webm", ContentFile(data)
    )
    RecordingChunk.objects.create(recording=recording, seq=seq, name=name, size=len(data))
    recording.size += len(data)
    recording.save(update_fields=["size"])
    return recording


@transaction.atomic
def save_whiteboard(call, user, png):
    """Keep the whiteboard (a PNG image) with the booking; the last one saved wins."""
    call = Call.objects.select_for_update(of=("self",)).select_related("booking").get(pk=call.pk)
    if selectors.role_of(call.booking, user) is None:
        raise NotParticipant
    if not png.startswith(b"\x89PNG\r\n\x1a\n") or len(png) > settings.CALLS_MAX_WHITEBOARD_BYTES:
        raise CallRefused(_("The whiteboard must be a PNG image."))
    storage = private_storage()
    old = call.whiteboard
    call.whiteboard = storage.save(f"calls/{call.pk}/whiteboard.png", ContentFile(png))
    call.save(update_fields=["whiteboard"])
    if old and old != call.whiteboard:
        transaction.on_commit(lambda: storage.delete(old), robust=True)
    return call


# --- Beat ---------------------------------------------------------------------------------------
def end_due_calls(now=None):
    """End calls nobody is in any more; returns how many ended.

    Started calls whose last heartbeat (either side) is older than ``CALLS_ABANDON_SECONDS``;
    calls never started once the booking's time is over (no-shows); confirmed call bookings past
    their end whose room was never opened. Each in its own transaction (``end_call`` is idempotent).
    """
    now = now or timezone.now()
    quiet = now - timedelta(seconds=settings.CALLS_ABANDON_SECONDS)
    ended = 0
    for call in Call.objects.filter(status=Call.Status.OPEN).select_related("booking"):
        last = call.heartbeats.order_by("-at").values_list("at", flat=True).first()
        if call.started_at is not None and (last is None or last <= quiet):
            end_call(call, Call.Ending.ABANDONED, now=now)
            ended += 1
        elif call.started_at is None and call.booking.end <= now:
            end_call(call, Call.Ending.NOBODY, now=now)
            ended += 1
    unopened = Booking.objects.filter(
        kind=Booking.Kind.CALL, status=Booking.Status.CONFIRMED, end__lte=now, call__isnull=True
    ).select_related("provider__expert")
    for booking in unopened:
        with transaction.atomic():
            end_call(_room(booking), Call.Ending.NOBODY, now=now)
        ended += 1
    return ended


def recording_retention():
    """How long a recording is kept (``CALLS_RECORDING_RETENTION_DAYS``) before it is deleted."""
    return timedelta(days=settings.CALLS_RECORDING_RETENTION_DAYS)


def delete_old_recordings(now=None):
    """Delete recordings older than their retention (files, then rows)."""
    now = now or timezone.now()
    cutoff = now - recording_retention()
    storage = private_storage()
    deleted = 0
    for recording in Recording.objects.filter(created_at__lt=cutoff):
        for name in recording.chunks.values_list("name", flat=True):
            storage.delete(name)
        recording.delete()
        deleted += 1
    return deleted
