"""A video call per confirmed expert booking, its heartbeats (the meter's evidence), the coin
holds that extend it, its recordings and its whiteboard.

The money is in ``services.end_call``: the call row is locked and its ``status`` moves from open
to ended once, and every wallet operation carries an idempotency key derived from the call, so an
end asked twice (both sides hang up, beat sweeps at the same time, a retried task) captures once.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Call(models.Model):
    """The room of one booking (``kind="call"``), opened by the first participant who arrives."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ENDED = "ended", _("Ended")

    class Ending(models.TextChoices):
        HUNG_UP = "hung_up", _("Hung up")
        LIMIT = "limit", _("Paid minutes used up")
        ABANDONED = "abandoned", _("Both left")
        EXPERT_ABSENT = "expert_absent", _("The expert did not come")
        CLIENT_ABSENT = "client_absent", _("The client did not come")
        NOBODY = "nobody", _("Nobody came")

    CLIENT = "client"
    EXPERT = "expert"
    ROLES = [(CLIENT, _("client")), (EXPERT, _("expert"))]

    booking = models.OneToOneField("bookings.Booking", on_delete=models.PROTECT, related_name="call")
    status = models.CharField(_("status"), max_length=8, choices=Status, default=Status.OPEN)
    #: Copied from the booking when the room opens: later price changes never reach a booked call.
    price_per_minute = models.PositiveIntegerField(_("coins a minute"))
    minimum_minutes = models.PositiveSmallIntegerField(_("minimum minutes"))
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ending = models.CharField(max_length=16, choices=Ending, blank=True)
    #: Set at the end: seconds both were connected, minutes and coins charged.
    seconds = models.PositiveIntegerField(default=0)
    minutes = models.PositiveIntegerField(default=0)
    coins = models.PositiveIntegerField(default=0)
    warned_at = models.DateTimeField(null=True, blank=True)
    client_records = models.BooleanField(default=False)
    expert_records = models.BooleanField(default=False)
    whiteboard = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("video call")
        verbose_name_plural = _("video calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open") | Q(ended_at__isnull=False), name="calls_ended_has_time"
            ),
        ]
        indexes = [models.Index(fields=["status"], condition=Q(status="open"), name="calls_open")]

    def __str__(self):
        return f"call {self.booking_id}"

    @property
    def recording_agreed(self):
        return self.client_records and self.expert_records


class Heartbeat(models.Model):
    """One sign of life of a participant's socket, written by the server (every 15 s)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="heartbeats")
    role = models.CharField(max_length=6, choices=Call.ROLES)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["call", "at"], name="calls_heartbeat_at")]

    def __str__(self):
        return f"{self.role} {self.at:%H:%M:%S}"


class Extension(models.Model):
    """More minutes bought during the call: a hold of their coins, captured or voided at the end."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="extensions")
    minutes = models.PositiveSmallIntegerField()
    hold = models.OneToOneField("wallet.Hold", on_delete=models.PROTECT, related_name="call_extension")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"+{self.minutes} min"


class Recording(models.Model):
    """A recording both agreed to, uploaded in chunks (webm) by the browser that records."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="recordings")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"recording {self.pk} of {self.call}"


class RecordingChunk(models.Model):
    """One MediaRecorder chunk in private storage; played back in ``seq`` order, concatenated."""

    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="chunks")
    seq = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["seq"]
        constraints = [models.UniqueConstraint(fields=["recording", "seq"], name="calls_chunk_once")]

    def __str__(self):
        return f"{self.recording_id}#{self.seq}"
