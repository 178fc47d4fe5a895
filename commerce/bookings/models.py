"""Bookings: who can be booked (a provider), when (rules, overrides, busy times), and what was booked.

A ``Booking`` stores the interval it blocks in the provider's calendar (its start and end widened
by the provider's buffers) as two columns, so one PostgreSQL exclusion constraint over the provider
and ``[blocked_start, blocked_end)`` refuses any overlap between active bookings — including the
"held" rows that keep a slot for a shopper during checkout. Races are therefore closed by the
database: of two requests for one slot, exactly one insert succeeds.
"""

import secrets
import zoneinfo

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.db import models
from django.db.models import Func, Q
from django.utils.translation import gettext_lazy as _


def default_time_zone():
    return settings.BOOKINGS_DEFAULT_TIME_ZONE


def new_token():
    return secrets.token_urlsafe(24)


#: Every IANA time-zone name, for the time-zone choices of providers and visitors.
TIME_ZONES = sorted(zoneinfo.available_timezones())


class Provider(models.Model):
    """Someone who can be booked: an expert (video calls) or a seller's shop (its services).

    Holds the availability settings; its weekly rules, date overrides and imported busy times hang
    off it. Times of rules are wall-clock times in ``time_zone``.
    """

    expert = models.OneToOneField(
        "experts.ExpertProfile",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="booking_provider",
    )
    partner = models.OneToOneField(
        "partner.Partner", null=True, blank=True, on_delete=models.CASCADE, related_name="booking_provider"
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default=default_time_zone)
    buffer_before_minutes = models.PositiveSmallIntegerField(_("free minutes before each booking"), default=0)
    buffer_after_minutes = models.PositiveSmallIntegerField(_("free minutes after each booking"), default=0)
    minimum_notice_minutes = models.PositiveIntegerField(_("minimum notice (minutes)"), default=120)
    horizon_days = models.PositiveSmallIntegerField(_("bookable up to (days ahead)"), default=60)
    slot_interval_minutes = models.PositiveSmallIntegerField(_("a slot starts every (minutes)"), default=30)
    max_per_day = models.PositiveSmallIntegerField(_("most bookings a day"), null=True, blank=True)
    free_cancellation_hours = models.PositiveSmallIntegerField(
        _("free cancellation until (hours before)"), default=24
    )
    late_cancellation_percent = models.PositiveSmallIntegerField(_("late cancellation fee (%)"), default=50)
    #: A shop's services may be booked without checkout and paid at the appointment.
    pay_at_appointment = models.BooleanField(_("clients may pay at the appointment"), default=False)
    #: A shop confirms each pay-at-the-appointment request itself (experts use their booking mode).
    confirms_requests = models.BooleanField(_("I confirm each request myself"), default=False)
    #: The secret address of the provider's own calendar (Google, Outlook …) read as busy times.
    ics_url = models.URLField(_("calendar to import (ICS address)"), max_length=1000, blank=True)
    ics_refreshed_at = models.DateTimeField(null=True, blank=True)
    ics_error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bookable provider")
        verbose_name_plural = _("bookable providers")
        constraints = [
            models.CheckConstraint(
                condition=(Q(expert__isnull=False) & Q(partner__isnull=True))
                | (Q(expert__isnull=True) & Q(partner__isnull=False)),
                name="bookings_provider_is_expert_or_partner",
            ),
            models.CheckConstraint(condition=Q(slot_interval_minutes__gte=5), name="bookings_interval_min"),
            models.CheckConstraint(
                condition=Q(late_cancellation_percent__lte=100), name="bookings_fee_percent_max"
            ),
        ]

    def __str__(self):
        return str(self.expert or self.partner)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def managed_by(self, user):
        """True when ``user`` may run this calendar (the expert, or a user of the shop)."""
        if user is None or not user.is_authenticated:
            return False
        if self.expert_id:
            return self.expert.user_id == user.pk
        return self.partner.users.filter(pk=user.pk).exists()


class WeeklyRule(models.Model):
    """Open hours on one weekday (0 = Monday), wall-clock in the provider's time zone."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="weekly_rules")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=[(i, str(i)) for i in range(7)])
    start = models.TimeField(_("from"))
    end = models.TimeField(_("to"))

    class Meta:
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end")), name="bookings_rule_start_before_end"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="bookings_rule_weekday"),
        ]

    def __str__(self):
        return f"{self.weekday} {self.start:%H:%M}-{self.end:%H:%M}"


class DateOverride(models.Model):
    """One date's hours replacing the weekly rules; without ``start``/``end`` the day is off."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="date_overrides")
    date = models.DateField(_("date"))
    start = models.TimeField(_("from"), null=True, blank=True)
    end = models.TimeField(_("to"), null=True, blank=True)

    class Meta:
        ordering = ["date", "start"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(start__isnull=True) & Q(end__isnull=True)) | Q(start__lt=models.F("end")),
                name="bookings_override_window",
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.start or '-'}-{self.end or '-'}"


class ExternalBusy(models.Model):
    """A busy interval read from the provider's imported calendar (replaced at each refresh)."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="external_busy")
    start = models.DateTimeField()
    end = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["provider", "start"], name="bookings_busy_start")]

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}-{self.end:%H:%M}"


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


#: Statuses that occupy the calendar (the exclusion constraint covers them).
ACTIVE = ("held", "pending", "confirmed")


class Booking(models.Model):
    """A time booked with a provider: an expert call paid in coins, or a seller's service.

    ``held``: kept for a shopper's checkout until ``hold_expires_at``; ``pending``: waits for the
    provider (on-request experts); ``confirmed``; then ``completed`` or ``no_show``; or
    ``cancelled`` (by whom and why), ``released`` (a checkout hold that was not paid).
    """

    class Status(models.TextChoices):
        HELD = "held", _("Held during checkout")
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")
        NO_SHOW = "no_show", _("No-show")
        RELEASED = "released", _("Released")

    class Kind(models.TextChoices):
        CALL = "call", _("Video call")
        SERVICE = "service", _("Service")

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="bookings")
    client = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bookings")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    product = models.ForeignKey(
        "catalogue.Product", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    basket_line = models.OneToOneField(
        "basket.Line", null=True, blank=True, on_delete=models.SET_NULL, related_name="booking"
    )
    order_line = models.OneToOneField(
        "order.Line", null=True, blank=True, on_delete=models.PROTECT, related_name="booking"
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    #: ``start`` - buffer before and ``end`` + buffer after: what the exclusion constraint compares.
    blocked_start = models.DateTimeField()
    blocked_end = models.DateTimeField()
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PENDING)
    hold_expires_at = models.DateTimeField(null=True, blank=True)
    coins = models.PositiveIntegerField(_("coins"), default=0)
    coin_hold = models.OneToOneField(
        "wallet.Hold", null=True, blank=True, on_delete=models.PROTECT, related_name="booking"
    )
    #: Paid at the appointment (no checkout): ``price_due`` TND, marked paid by the provider.
    pay_at_appointment = models.BooleanField(_("pay at the appointment"), default=False)
    price_due = models.DecimalField(
        _("to pay at the appointment"), max_digits=12, decimal_places=3, null=True
    )
    paid_at = models.DateTimeField(_("paid at the appointment on"), null=True, blank=True)
    #: Other starts the provider proposed instead (ISO-8601), one of which the client may accept.
    proposals = models.JSONField(default=list, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancel_reason = models.CharField(_("reason"), max_length=255, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [
            models.Index(fields=["provider", "blocked_start"], name="bookings_provider_start"),
            models.Index(fields=["client", "start"], name="bookings_client_start"),
        ]
        constraints = [
            ExclusionConstraint(
                name="bookings_no_overlap",
                expressions=[
                    ("provider", RangeOperators.EQUAL),
                    (TsTzRange("blocked_start", "blocked_end", models.Value("[)")), RangeOperators.OVERLAPS),
                ],
                condition=Q(status__in=ACTIVE),
            ),
            models.CheckConstraint(condition=Q(start__lt=models.F("end")), name="bookings_start_before_end"),
            models.CheckConstraint(
                condition=Q(blocked_start__lte=models.F("start")) & Q(blocked_end__gte=models.F("end")),
                name="bookings_blocked_covers_booking",
            ),
            models.CheckConstraint(
                condition=~Q(status="held") | Q(hold_expires_at__isnull=False), name="bookings_held_expires"
            ),
        ]

    def __str__(self):
        return f"{self.provider} {self.start:%Y-%m-%d %H:%M}"

    @property
    def minutes(self):
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def is_active(self):
        return self.status in ACTIVE


class Reminder(models.Model):
    """A reminder due before a confirmed booking, sent once by the beat sweep (``sent_at``)."""

    class Kind(models.TextChoices):
        DAY = "24h", _("24 hours before")
        HOUR = "1h", _("1 hour before")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=4, choices=Kind)
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booking", "kind"], name="bookings_one_reminder_per_kind")
        ]
        indexes = [models.Index(fields=["due_at"], condition=Q(sent_at__isnull=True), name="bookings_due")]

    def __str__(self):
        return f"{self.booking_id} {self.kind}"


class CalendarFeed(models.Model):
    """A person's secret calendar address: their confirmed bookings, as a client and as a provider."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.user)
