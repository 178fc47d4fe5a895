"""Threads, their participants and messages; blocks between users, reports and canned replies.

A thread has a ``kind`` and participants, nothing kind-specific in between: a seller thread names
the shop (every user of the shop may answer), a support thread is answered by support staff, and an
expert thread (issue 15) will name its expert as a participant. A guest (no account) writes to
support with an email; the thread is theirs through their session.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from commerce.core.private_storage import private_storage

from .attachments import attachment_path


class Thread(models.Model):
    SUPPORT, SELLER, EXPERT = "support", "seller", "expert"
    KINDS = ((SUPPORT, _("Support")), (SELLER, _("Seller")), (EXPERT, _("Expert")))
    #: Kinds whose messages enter only through the service of the app owning them, which also tells
    #: people of them: an expert conversation holds paid questions and answers (consultations app).
    PAID_KINDS = frozenset({EXPERT})
    OPEN, CLOSED = "open", "closed"
    STATUSES = ((OPEN, _("Open")), (CLOSED, _("Closed")))

    kind = models.CharField(_("kind"), max_length=16, choices=KINDS, db_index=True)
    status = models.CharField(_("status"), max_length=8, choices=STATUSES, default=OPEN, db_index=True)
    #: The seller's shop (seller threads): each of its users may read and answer.
    partner = models.ForeignKey(
        "partner.Partner",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("shop"),
    )
    product = models.ForeignKey(
        "catalogue.Product",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("product"),
    )
    order = models.ForeignKey(
        "order.Order",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("order"),
    )
    #: A guest's email (support threads opened without an account).
    guest_email = models.EmailField(_("guest's email"), blank=True)
    #: The support agent answering (support threads).
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="messaging_seller_thread_has_a_shop",
                condition=~Q(kind="seller") | Q(partner__isnull=False),
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_kind_display()}"

    @property
    def ws_path(self):
        return f"/ws/chat/{self.pk}/"


class Participant(models.Model):
    """Someone in a thread, and how far they have read (the id of the last message they saw)."""

    CLIENT, SELLER, SUPPORT, EXPERT = "client", "seller", "support", "expert"
    ROLES = ((CLIENT, _("Client")), (SELLER, _("Seller")), (SUPPORT, _("Support")), (EXPERT, _("Expert")))

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=16, choices=ROLES)
    last_read_id = models.BigIntegerField(_("last message read"), default=0)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="messaging_one_participant_per_user")
        ]

    def __str__(self):
        return f"{self.user} ({self.role})"


class Message(models.Model):
    """One message, stored before it is broadcast. ``search`` is filled by a database trigger
    (french, arabic and simple configurations together), so every write path is searchable."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    #: ``None`` for a guest (the thread's ``guest_email`` wrote it).
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sender_role = models.CharField(_("sender's role"), max_length=16, choices=Participant.ROLES)
    body = models.TextField(_("message"), blank=True)
    #: Support's note on the thread, never shown to the client.
    internal = models.BooleanField(_("internal note"), default=False)
    attachment = models.FileField(
        _("attachment"), storage=private_storage, upload_to=attachment_path, max_length=255, blank=True
    )
    attachment_name = models.CharField(max_length=255, blank=True)
    attachment_type = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    search = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["pk"]
        indexes = [
            GinIndex(fields=["search"], name="messaging_message_search"),
            models.Index(fields=["thread", "id"], name="messaging_message_thread_id"),
        ]

    def __str__(self):
        return f"#{self.pk} in {self.thread_id}"


class Block(models.Model):
    """``blocker`` no longer receives messages from ``blocked``: their new messages are refused in
    every thread both are in."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="messaging_block_once")]

    def __str__(self):
        return f"{self.blocker} ⊘ {self.blocked}"


class Report(models.Model):
    """A user's report about someone's message, for support to review (the text is copied: the
    report stays readable whatever happens to the thread)."""

    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reported = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reported"),
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reports")
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    quoted = models.TextField(_("reported message"), blank=True)
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"#{self.pk} {self.reason[:40]}"


class CannedReply(models.Model):
    """A ready answer support agents insert in one click."""

    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)

    class Meta:
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")
        ordering = ["title"]

    def __str__(self):
        return self.title
