"""A paid message to an expert, its escrow hold, the expert's answer, and the client's rating.

A message is ``awaiting_reply`` while its price waits in escrow (``hold``, one per message), then
resolves exactly once: ``answered`` (hold captured, 80/20), ``declined`` or ``expired`` (hold
voided). The database refuses an answered message without an answer and a resolved one without
its date. Each message also lives in the client's conversation with the expert (``thread``, a
messaging thread of kind ``expert``), so both keep the whole exchange in their inbox.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from commerce.core.private_storage import private_storage


def video_path(message, filename):
    return f"consultations/{message.client_id}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class PaidMessage(models.Model):
    """A client's question to an expert, paid in coins held until the expert answers."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        VIDEO = "video", _("Video")

    class Status(models.TextChoices):
        AWAITING_REPLY = "awaiting_reply", _("Waiting for the answer")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired")

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="paid_messages_sent",
        verbose_name=_("client"),
    )
    expert = models.ForeignKey(
        "experts.ExpertProfile",
        on_delete=models.PROTECT,
        related_name="paid_messages",
        verbose_name=_("expert"),
    )
    thread = models.ForeignKey(
        "messaging.Thread", on_delete=models.PROTECT, related_name="+", verbose_name=_("conversation")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    body = models.TextField(_("message"), blank=True)
    video = models.FileField(
        _("video"), storage=private_storage, upload_to=video_path, max_length=255, blank=True
    )
    video_type = models.CharField(max_length=32, blank=True)
    #: The expert's price when the message was sent, in coins (what is held).
    price_coins = models.PositiveIntegerField(_("price (coins)"))
    hold = models.OneToOneField(
        "wallet.Hold",
        null=True,
        on_delete=models.PROTECT,
        related_name="paid_message",
        verbose_name=_("coin hold"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.AWAITING_REPLY
    )
    #: When the coins go back to the client if the expert has not answered.
    deadline = models.DateTimeField(_("answer before"))
    answer_text = models.TextField(_("answer"), blank=True)
    answer_video = models.FileField(
        _("video answer"), storage=private_storage, upload_to=video_path, max_length=255, blank=True
    )
    answer_video_type = models.CharField(max_length=32, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("paid message")
        verbose_name_plural = _("paid messages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["deadline"], condition=Q(status="awaiting_reply"), name="consultations_due_messages"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(price_coins__gt=0), name="consultations_price_positive"),
            models.CheckConstraint(
                condition=(Q(status="awaiting_reply") & Q(resolved_at__isnull=True))
                | (~Q(status="awaiting_reply") & Q(resolved_at__isnull=False)),
                name="consultations_resolution_dated",
            ),
            models.CheckConstraint(
                condition=~Q(status="answered")
                | (Q(answered_at__isnull=False) & (~Q(answer_text="") | ~Q(answer_video=""))),
                name="consultations_answered_has_answer",
            ),
            models.CheckConstraint(
                condition=~Q(kind="text") | ~Q(body=""), name="consultations_text_has_body"
            ),
            models.CheckConstraint(
                condition=~Q(kind="video") | ~Q(video=""), name="consultations_video_has_file"
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.client} → {self.expert}"

    @property
    def client_name(self):
        """How the expert sees the client: their name, else the start of their email (never all of it)."""
        return self.client.get_full_name() or self.client.email.split("@")[0]


class Rating(models.Model):
    """The client's rating of an answer (1–5 and a comment), shown once an admin approves it; the
    expert may reply once, publicly."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Published")
        HIDDEN = "hidden", _("Hidden")

    message = models.OneToOneField(
        PaidMessage, on_delete=models.CASCADE, related_name="rating", verbose_name=_("message")
    )
    stars = models.PositiveSmallIntegerField(_("stars"))
    comment = models.TextField(_("comment"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    expert_reply = models.TextField(_("expert's reply"), blank=True)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    created_at = models.DateTimeField(_("rated"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stars__gte=1, stars__lte=5), name="consultations_stars_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.stars}★ #{self.message_id}"


class RatingSummary(models.Model):
    """An expert's published ratings in two numbers, kept by the moderation service so the profile
    and the directory read them without aggregating."""

    expert = models.OneToOneField(
        "experts.ExpertProfile", on_delete=models.CASCADE, related_name="rating_summary", primary_key=True
    )
    average = models.DecimalField(_("average rating"), max_digits=3, decimal_places=2, default=0)
    count = models.PositiveIntegerField(_("ratings"), default=0)

    class Meta:
        verbose_name = _("rating summary")
        verbose_name_plural = _("rating summaries")

    def __str__(self):
        return f"{self.expert}: {self.average} ({self.count})"
