"""Every change of bookings, providers' availability and reminders happens here.

A booking is inserted inside a savepoint: the exclusion constraint ``bookings_no_overlap`` refuses
an overlap with any active booking or checkout hold of the provider, and that refusal becomes
``SlotTaken`` with the nearest free slots. Coins for an expert call are held in the wallet's escrow
in the same transaction (``wallet.hold`` with the booking as subject), so a booking without its
coins, or coins held without a booking, never commit. Notices go out after commit.
"""

import math
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from commerce.experts.models import ExpertProfile
from commerce.wallet import services as wallet

from . import notices, selectors, signals
from .exceptions import (
    BookingError,
    NotAllowed,
    NotBookable,
    SlotTaken,
    SlotUnavailable,
    TooLateToMove,
    TooShort,
    WrongStatus,
)
from .models import ACTIVE, Booking, DateOverride, Provider, Reminder, WeeklyRule

OVERLAP = "bookings_no_overlap"


# --- Providers and availability -----------------------------------------------------------------
def provider_for_expert(expert):
    provider, _created = Provider.objects.get_or_create(expert=expert)
    return provider


def provider_for_partner(partner):
    provider, _created = Provider.objects.get_or_create(partner=partner)
    return provider


@transaction.atomic
def set_weekly_hours(provider, hours):
    """Replace the provider's weekly hours with ``hours``: ``{weekday: [(start, end), …]}``."""
    provider.weekly_rules.all().delete()
    WeeklyRule.objects.bulk_create(
        WeeklyRule(provider=provider, weekday=day, start=start, end=end)
        for day, spans in hours.items()
        for start, end in spans
    )
    signals.hours_changed.send(sender=Provider, provider=provider)


@transaction.atomic
def set_date(provider, day, spans=()):
    """Give ``day`` its own hours (``spans``), or make it a day off (no spans)."""
    provider.date_overrides.filter(date=day).delete()
    if not spans:
        DateOverride.objects.create(provider=provider, date=day)
    for start, end in spans:
        DateOverride.objects.create(provider=provider, date=day, start=start, end=end)


@transaction.atomic
def clear_date(provider, day):
    """``day`` follows the weekly hours again."""
    provider.date_overrides.filter(date=day).delete()


@transaction.atomic
def update_settings(provider, **fields):
    """Change the provider's settings within the platform's limits; a new calendar address is
    read after commit (then every 15 minutes by beat)."""
    fields["free_cancellation_hours"] = min(
        fields.get("free_cancellation_hours", provider.free_cancellation_hours),
        settings.BOOKINGS_MAX_FREE_CANCELLATION_HOURS,
    )
    fields["late_cancellation_percent"] = min(
        fields.get("late_cancellation_percent", provider.late_cancellation_percent),
        settings.BOOKINGS_MAX_LATE_FEE_PERCENT,
    )
    calendar_changed = (
        "ics_url" in fields and fields["ics_url"] != Provider.objects.get(pk=provider.pk).ics_url
    )
    for name, value in fields.items():
        setattr(provider, name, value)
    provider.full_clean()
    provider.save()
    if calendar_changed:
        from .tasks import refresh_calendar

        transaction.on_commit(partial(refresh_calendar.delay, provider.pk))
    return provider


# --- Booking ------------------------------------------------------------------------------------
@transaction.atomic
def book_call(client, expert, start, minutes):
    """Book a video call of ``minutes`` with ``expert`` at ``start`` and hold its coins.

    Instant-booking experts are confirmed at once, the others get a request to answer. Raises
    ``NotBookable``, ``TooShort``, ``SlotUnavailable``, ``SlotTaken`` or the wallet's
    ``InsufficientCoins`` (nothing written).
    """
    if (
        expert.status != ExpertProfile.Status.APPROVED
        or not expert.is_public
        or expert.call_price_per_minute is None
        or expert.user_id == client.pk
    ):
        raise NotBookable
    if minutes < expert.call_minimum_minutes:
        raise TooShort(expert.call_minimum_minutes)
    provider = provider_for_expert(expert)
    booking = _insert(provider, client, start, timedelta(minutes=minutes), kind=Booking.Kind.CALL)
    booking.coins = minutes * expert.call_price_per_minute
    booking.coin_hold = wallet.hold(
        client,
        booking.coins,
        reference=str(notices.describe(booking)),
        key=f"booking:{booking.pk}",
        expires_at=booking.end + timedelta(hours=settings.WALLET_HOLD_TTL_HOURS),
        subject=booking,
    )
    instant = expert.booking_mode == ExpertProfile.Booking.INSTANT
    booking.status = Booking.Status.CONFIRMED if instant else Booking.Status.PENDING
    booking.save(update_fields=["coins", "coin_hold", "status", "updated_at"])
    _announce(booking)
    return booking


@transaction.atomic
def hold_service_slot(client, product, start, *, basket_line=None):
    """Keep a service's slot for ``client``'s checkout for ``BOOKINGS_CHECKOUT_HOLD_MINUTES``."""
    from .fulfilment import duration_of

    provider = selectors.provider_of_product(product)
    duration = duration_of(product)
    if provider is None or duration is None:
        raise NotBookable
    if basket_line is not None:
        Booking.objects.filter(basket_line=basket_line, status=Booking.Status.HELD).update(
            status=Booking.Status.RELEASED, basket_line=None
        )
    return _insert(
        provider,
        client,
        start,
        duration,
        kind=Booking.Kind.SERVICE,
        product=product,
        basket_line=basket_line,
        status=Booking.Status.HELD,
        hold_expires_at=timezone.now() + timedelta(minutes=settings.BOOKINGS_CHECKOUT_HOLD_MINUTES),
    )


@transaction.atomic
def book_service_at_appointment(client, product, start):
    """Book the service ``product`` at ``start``, paid at the appointment: no checkout, the price
    is recorded as due; confirmed at once, or a request when the shop confirms each one."""
    provider = selectors.provider_of_product(product)
    from .fulfilment import duration_of

    duration = duration_of(product)
    if provider is None or duration is None or not provider.pay_at_appointment:
        raise NotBookable
    record = product.stockrecords.filter(partner_id=provider.partner_id).first()
    if record is None or record.price is None:
        raise NotBookable
    status = Booking.Status.PENDING if provider.confirms_requests else Booking.Status.CONFIRMED
    booking = _insert(
        provider,
        client,
        start,
        duration,
        kind=Booking.Kind.SERVICE,
        product=product,
        status=status,
        pay_at_appointment=True,
        price_due=record.price,
    )
    _announce(booking)
    return booking


@transaction.atomic
def mark_paid(booking, *, by, now=None):
    """The provider was paid at the appointment: the booking is completed."""
    booking = _locked(booking)
    _require_provider(booking, by)
    if not booking.pay_at_appointment or booking.status != Booking.Status.CONFIRMED:
        raise WrongStatus
    booking.paid_at = now or timezone.now()
    booking.status = Booking.Status.COMPLETED
    booking.save(update_fields=["paid_at", "status", "updated_at"])
    return booking


@transaction.atomic
def mark_no_show(booking, *, by, now=None):
    """The client of a pay-at-the-appointment booking did not come (only once it has started)."""
    booking = _locked(booking)
    _require_provider(booking, by)
    if (
        not booking.pay_at_appointment
        or booking.status != Booking.Status.CONFIRMED
        or (now or timezone.now()) < booking.start
    ):
        raise WrongStatus
    booking.status = Booking.Status.NO_SHOW
    booking.save(update_fields=["status", "updated_at"])
    return booking


@transaction.atomic
def confirm_paid_service(booking, order_line):
    """Payment succeeded: the held slot becomes a confirmed booking of ``order_line`` (idempotent).

    A hold that expired meanwhile is taken again when the slot is still free; otherwise
    ``SlotTaken`` tells the caller the slot went to someone else (the line must be refunded).
    """
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.order_line_id == order_line.pk and booking.status == Booking.Status.CONFIRMED:
        return booking
    booking.order_line = order_line
    booking.status = Booking.Status.CONFIRMED
    booking.hold_expires_at = None
    _save_or_taken(booking, ["order_line", "status", "hold_expires_at", "updated_at"])
    _schedule_reminders(booking)
    notices.confirmed(booking)
    return booking


def release_expired_holds(now=None):
    """Checkout holds past their time free their slots; returns how many were released."""
    now = now or timezone.now()
    return Booking.objects.filter(status=Booking.Status.HELD, hold_expires_at__lte=now).update(
        status=Booking.Status.RELEASED, updated_at=now
    )


@transaction.atomic
def release_hold(booking):
    """The checkout was abandoned or its payment failed: the slot is free again."""
    Booking.objects.filter(pk=booking.pk, status=Booking.Status.HELD).update(status=Booking.Status.RELEASED)


# --- The provider answers -------------------------------------------------------------------------
@transaction.atomic
def confirm(booking, *, by):
    booking = _locked(booking)
    _require_provider(booking, by)
    if booking.status != Booking.Status.PENDING:
        raise WrongStatus
    booking.status = Booking.Status.CONFIRMED
    booking.proposals = []
    booking.save(update_fields=["status", "proposals", "updated_at"])
    _schedule_reminders(booking)
    notices.confirmed(booking)
    return booking


@transaction.atomic
def decline(booking, *, by, reason=""):
    """The provider says no to a request: the coins go back in full."""
    booking = _locked(booking)
    _require_provider(booking, by)
    if booking.status != Booking.Status.PENDING:
        raise WrongStatus
    _end(booking, by=by, reason=reason)
    if booking.coin_hold_id:
        wallet.void(booking.coin_hold, key=f"booking-void:{booking.pk}")
    notices.declined(booking)
    return booking


@transaction.atomic
def propose(booking, *, by, starts):
    """The provider answers a request with other start times; the client accepts one in one click."""
    booking = _locked(booking)
    _require_provider(booking, by)
    if booking.status != Booking.Status.PENDING:
        raise WrongStatus
    duration = booking.end - booking.start
    for start in starts:
        if not selectors.is_free(booking.provider, start, duration, exclude=booking):
            raise SlotUnavailable
    booking.proposals = [start.isoformat() for start in starts]
    booking.save(update_fields=["proposals", "updated_at"])
    notices.proposed(booking)
    return booking


@transaction.atomic
def accept_proposal(booking, *, by, start):
    """The client takes one of the proposed starts: the booking moves there, confirmed."""
    booking = _locked(booking)
    if booking.client_id != by.pk:
        raise NotAllowed
    if booking.status != Booking.Status.PENDING or start.isoformat() not in booking.proposals:
        raise WrongStatus
    _move(booking, start)
    booking.status = Booking.Status.CONFIRMED
    booking.proposals = []
    _save_or_taken(
        booking, ["start", "end", "blocked_start", "blocked_end", "status", "proposals", "updated_at"]
    )
    _schedule_reminders(booking)
    notices.confirmed(booking)
    return booking


# --- Either side ----------------------------------------------------------------------------------
@transaction.atomic
def reschedule(booking, *, by, start, minutes=None):
    """Move an active booking to another free ``start``; reminders follow it.

    The client may move it only inside the free-cancellation window (``TooLateToMove`` after);
    the provider at any time. ``minutes`` changes an expert call's length (never below the
    expert's minimum). A call's coins move with it: its hold is voided and the new amount held
    again (at the per-minute rate booked, expiring after the new end) in this transaction, so the
    coins are never lost nor created, and a client short of coins keeps the booking as it was.
    """
    booking = _locked(booking)
    by_provider = booking.provider.managed_by(by)
    if booking.client_id != by.pk and not by_provider:
        raise NotAllowed
    if booking.status not in (Booking.Status.PENDING, Booking.Status.CONFIRMED):
        raise WrongStatus
    if not by_provider and _late(booking):
        raise TooLateToMove(booking.provider.free_cancellation_hours)
    duration = booking.end - booking.start
    if minutes is not None and minutes != booking.minutes:
        if booking.kind != Booking.Kind.CALL:
            raise NotAllowed
        minimum = booking.provider.expert.call_minimum_minutes
        if minutes < minimum:
            raise TooShort(minimum)
        duration = timedelta(minutes=minutes)
    if start.tzinfo is None or not selectors.is_free(booking.provider, start, duration, exclude=booking):
        if start.tzinfo is not None and _overlaps_active(booking.provider, start, duration, exclude=booking):
            raise SlotTaken(selectors.alternatives(booking.provider, start, duration, exclude=booking))
        raise SlotUnavailable
    rate = booking.coins // booking.minutes if booking.coin_hold_id else 0
    _move(booking, start, duration)
    _save_or_taken(booking, ["start", "end", "blocked_start", "blocked_end", "updated_at"])
    if booking.coin_hold_id:
        _hold_again(booking, rate)
    booking.reminders.filter(sent_at__isnull=True).delete()
    if booking.status == Booking.Status.CONFIRMED:
        _schedule_reminders(booking)
    notices.changed(booking, by=by)
    return booking


def _hold_again(booking, rate):
    """Replace a moved call's coin hold: ``rate`` coins a minute for the new length, a new expiry."""
    old = booking.coin_hold
    coins = booking.minutes * rate
    wallet.void(old, key=f"booking-move-void:{old.pk}")
    booking.coins = coins
    booking.coin_hold = wallet.hold(
        booking.client,
        coins,
        reference=str(notices.describe(booking)),
        key=f"booking:{booking.pk}:moved:{old.pk}",
        expires_at=booking.end + timedelta(hours=settings.WALLET_HOLD_TTL_HOURS),
        subject=booking,
    )
    booking.save(update_fields=["coins", "coin_hold", "updated_at"])


def cancellation_fee(booking, now=None):
    """Coins the client pays when cancelling now: none inside the free window, else the
    provider's share of the held coins (rounded up to whole coins)."""
    provider = booking.provider
    if not booking.coins or not _late(booking, now):
        return 0
    return math.ceil(booking.coins * provider.late_cancellation_percent / 100)


def cancel(booking, *, by, reason=""):
    """Cancel an active booking. The provider cancelling gives everything back; the client
    cancelling late pays the policy's fee: for an expert call, a partial capture of the coins to
    the expert (the rest goes back); a paid service is refunded in full inside the free window and
    its price minus the provider's fee share after it (a refund of an amount of its order line).

    A paid service's refund is asked first, with no lock held (as every refund is); a refused
    refund leaves the booking as it was.
    """
    booking = Booking.objects.select_related("provider__expert", "provider__partner").get(pk=booking.pk)
    by_provider = booking.provider.managed_by(by)
    if booking.client_id != by.pk and not by_provider:
        raise NotAllowed
    if booking.status not in ACTIVE:
        raise WrongStatus
    if booking.order_line_id:
        _refund_line(booking, by, fee_percent=0 if by_provider else _late_fee_percent(booking))
    return _cancel(booking, by=by, by_provider=by_provider, reason=reason)


@transaction.atomic
def _cancel(booking, *, by, by_provider, reason):
    booking = _locked(booking)
    if booking.status not in ACTIVE:
        raise WrongStatus
    fee = 0 if by_provider else cancellation_fee(booking)
    _end(booking, by=by, reason=reason)
    if booking.coin_hold_id:
        if fee:
            wallet.capture(
                booking.coin_hold,
                coins=fee,
                earner=booking.provider.expert.user,
                key=f"booking-fee:{booking.pk}",
            )
        else:
            wallet.void(booking.coin_hold, key=f"booking-void:{booking.pk}")
    notices.cancelled(booking, by_provider=by_provider)
    return booking


def _late(booking, now=None):
    now = now or timezone.now()
    return now > booking.start - timedelta(hours=booking.provider.free_cancellation_hours)


def _late_fee_percent(booking):
    return booking.provider.late_cancellation_percent if _late(booking) else 0


def _refund_line(booking, by, *, fee_percent=0):
    """Refund the booking's order line: in full without a fee; else, as an amount, its price minus
    the provider's share (the provider keeps the fee, nothing is refunded at 100 %)."""
    from commerce.money.fields import to_millimes
    from commerce.payment.refunds import RefundError, RefundPending, refund_order

    line = booking.order_line
    if fee_percent:
        price = line.line_price_incl_tax
        refund = {"amounts": {line.pk: price - to_millimes(price * fee_percent / 100)}}
        if refund["amounts"][line.pk] <= 0:
            return
    else:
        refund = {"lines": {line.pk: 1}}
    try:
        refund_order(
            line.order,
            by=by,
            key=f"booking-refund:{booking.pk}",
            reason=gettext_noop("Booking cancelled."),
            **refund,
        )
    except RefundPending:
        pass  # recorded: Stripe's webhook or the retry task completes it
    except RefundError as error:
        raise BookingError(str(error)) from error


# --- Reminders ----------------------------------------------------------------------------------
def send_due_reminders(now=None, *, batch=200):
    """Send the reminders due; returns how many were sent.

    For beat, every minute: each reminder is locked ``FOR UPDATE SKIP LOCKED`` in its own short
    transaction and marked sent in it, so two sweeps at once never send one twice.
    """
    now = now or timezone.now()
    due = list(
        Reminder.objects.filter(sent_at__isnull=True, due_at__lte=now)
        .order_by("due_at", "pk")
        .values_list("pk", flat=True)[:batch]
    )
    sent = 0
    for pk in due:
        with transaction.atomic():
            reminder = (
                Reminder.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("booking")
                .filter(pk=pk, sent_at__isnull=True)
                .first()
            )
            if reminder is None:
                continue
            reminder.sent_at = now
            reminder.save(update_fields=["sent_at"])
            if reminder.booking.status == Booking.Status.CONFIRMED and reminder.booking.start > now:
                notices.reminder(reminder)
                sent += 1
    return sent


def _announce(booking):
    """A new booking is confirmed at once (reminders scheduled) or waits for the provider."""
    if booking.status == Booking.Status.CONFIRMED:
        _schedule_reminders(booking)
        notices.confirmed(booking)
    else:
        notices.requested(booking)


def _schedule_reminders(booking):
    now = timezone.now()
    for kind, hours in settings.BOOKINGS_REMINDER_HOURS.items():
        due = booking.start - timedelta(hours=hours)
        if due > now:
            Reminder.objects.update_or_create(
                booking=booking, kind=kind, defaults={"due_at": due, "sent_at": None}
            )


# --- Helpers ------------------------------------------------------------------------------------
def _insert(provider, client, start, duration, *, kind, status=Booking.Status.PENDING, **fields):
    if start.tzinfo is None:
        raise SlotUnavailable
    if not selectors.is_free(provider, start, duration):
        if _overlaps_active(provider, start, duration):
            raise SlotTaken(selectors.alternatives(provider, start, duration))
        raise SlotUnavailable
    booking = Booking(provider=provider, client=client, kind=kind, status=status, **fields)
    _move(booking, start, duration)
    _save_or_taken(booking, None)
    return booking


def _overlaps_active(provider, start, duration, *, exclude=None):
    before = timedelta(minutes=provider.buffer_before_minutes)
    after = timedelta(minutes=provider.buffer_after_minutes)
    return (
        Booking.objects.filter(
            provider=provider,
            status__in=ACTIVE,
            blocked_start__lt=start + duration + after,
            blocked_end__gt=start - before,
        )
        .exclude(status=Booking.Status.HELD, hold_expires_at__lte=timezone.now())
        .exclude(pk=getattr(exclude, "pk", None))
        .exists()
    )


def _move(booking, start, duration=None):
    duration = duration or (booking.end - booking.start)
    provider = booking.provider
    booking.start = start
    booking.end = start + duration
    booking.blocked_start = start - timedelta(minutes=provider.buffer_before_minutes)
    booking.blocked_end = booking.end + timedelta(minutes=provider.buffer_after_minutes)


def _save_or_taken(booking, update_fields):
    """Save in a savepoint; the exclusion constraint's refusal becomes ``SlotTaken``.

    Checkout holds past their time would still trip the constraint until beat releases them, so
    they are released first (in this transaction) for the interval asked.

    The provider's row is locked first: concurrent inserts checked by an exclusion constraint can
    wait on each other's uncommitted rows and deadlock; queued on the lock, each one instead sees
    the winner's committed row and gets a clean conflict.
    """
    Provider.objects.select_for_update().filter(pk=booking.provider_id).values_list("pk").first()
    Booking.objects.filter(
        provider=booking.provider,
        status=Booking.Status.HELD,
        hold_expires_at__lte=timezone.now(),
        blocked_start__lt=booking.blocked_end,
        blocked_end__gt=booking.blocked_start,
    ).exclude(pk=booking.pk).update(status=Booking.Status.RELEASED)
    try:
        with transaction.atomic():
            if update_fields is None:
                booking.save()
            else:
                booking.save(update_fields=update_fields)
    except IntegrityError as error:
        if getattr(getattr(error.__cause__, "diag", None), "constraint_name", None) != OVERLAP:
            raise
        raise SlotTaken(
            selectors.alternatives(
                booking.provider, booking.start, booking.end - booking.start, exclude=booking
            )
        ) from error


def _locked(booking):
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("provider__expert__user", "provider__partner", "coin_hold")
        .get(pk=booking.pk)
    )


def _require_provider(booking, user):
    if not booking.provider.managed_by(user):
        raise NotAllowed


def _end(booking, *, by, reason):
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_by = by
    booking.cancel_reason = (reason or "")[:255]
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["status", "cancelled_by", "cancel_reason", "cancelled_at", "updated_at"])
    booking.reminders.filter(sent_at__isnull=True).delete()


@transaction.atomic
def book_service(client, basket, product, start):
    """Put the service ``product`` in ``basket`` and hold the slot at ``start`` for its checkout."""
    from commerce.basket import services as baskets
    from commerce.basket.exceptions import BasketRefused

    try:
        line, _created = baskets.add_product(basket, product, 1)
    except BasketRefused as refusal:
        raise NotBookable(str(refusal)) from refusal
    if line.quantity > 1:
        raise NotBookable(_("This service is already in your basket: one booking per order."))
    return hold_service_slot(client, product, start, basket_line=line)
