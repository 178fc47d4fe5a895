"""What was told to whom (the in-app centre), how it left (deliveries), what people chose
(preferences), the browsers they subscribed to web push, and the platform's announcements."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commerce.communication.utils import site_url


class Notification(models.Model):
    """One notice to one person, rendered in their language when it was created.

    It is the record every channel delivers from, and the idempotency key of the event: ``key`` is
    unique (``notify()`` namespaces it with the recipient and the event), so a cause told twice
    stores one row. A guest (an order without an account) has an ``email`` instead of a recipient:
    they get the email and nothing in-app.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="inbox",
        verbose_name=_("recipient"),
    )
    email = models.EmailField(_("guest email"), blank=True)
    event = models.CharField(_("event"), max_length=64, db_index=True)
    key = models.CharField(max_length=255, unique=True)
    context = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8)
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["recipient", "-created_at"],
                condition=Q(read_at__isnull=True, archived_at__isnull=True),
                name="notification_unread",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(email=""), name="notification_has_an_address"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_read(self):
        return self.read_at is not None

    @property
    def absolute_url(self):
        if not self.url or self.url.startswith(("http://", "https://")):
            return self.url
        return site_url() + self.url

    @property
    def address(self):
        """Where an email goes: the account's address, else the guest's."""
        return (self.recipient.email if self.recipient_id else "") or self.email


class Delivery(models.Model):
    """One notification sent (or waiting for the digest) on one channel: at most one per pair."""

    SENT = "sent"
    DIGEST_PENDING = "digest"
    STATUSES = [(SENT, _("sent")), (DIGEST_PENDING, _("waiting for the digest"))]

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=32)
    status = models.CharField(max_length=16, choices=STATUSES, default=SENT)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_once_per_channel")
        ]
        indexes = [
            models.Index(fields=["created_at"], condition=Q(status="digest"), name="delivery_digest_pending")
        ]

    def __str__(self):
        return f"{self.notification_id} {self.channel} {self.status}"


class Preference(models.Model):
    """A person's choice for one event type on one channel (no row: the event's default)."""

    MODES = [("instant", _("At once")), ("digest", _("In a digest")), ("off", _("Off"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    event = models.CharField(max_length=64)
    channel = models.CharField(max_length=32)
    mode = models.CharField(max_length=16, choices=MODES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "event", "channel"], name="preference_once"),
        ]

    def __str__(self):
        return f"{self.event} {self.channel}: {self.mode}"


class PushSubscription(models.Model):
    """A browser that accepted web push for this user (the Push API's subscription)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.endpoint

    def subscription_info(self):
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class Announcement(models.Model):
    """A message from the platform (terms updated, a promotion, maintenance) to everyone or a role.

    Written by platform admins in Django admin, in fr/en/ar; sent at ``send_at`` by the beat sweep,
    through ``notify()`` with one key per (announcement, person), so each person gets it once.
    """

    title_fr = models.CharField(_("title (French)"), max_length=200)
    body_fr = models.TextField(_("message (French)"))
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_en = models.TextField(_("message (English)"), blank=True)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200, blank=True)
    body_ar = models.TextField(_("message (Arabic)"), blank=True)
    url = models.CharField(
        _("link"), max_length=500, blank=True, help_text=_("Optional page the announcement leads to.")
    )
    role = models.ForeignKey(
        "auth.Group",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("role"),
        help_text=_("Leave empty to send it to everyone."),
    )
    send_at = models.DateTimeField(_("send at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-send_at"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        indexes = [
            models.Index(fields=["send_at"], condition=Q(sent_at__isnull=True), name="announcement_due")
        ]

    def __str__(self):
        return self.title_fr

    def text(self, language):
        """(title, body) in ``language``, the French text where that language was left empty."""
        title = getattr(self, f"title_{language}", "") or self.title_fr
        body = getattr(self, f"body_{language}", "") or self.body_fr
        return title, body
