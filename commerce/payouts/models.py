"""Payout requests, the audited bank-transfer exports, and the stored monthly statements.

The money itself lives in the coin ledger (``commerce.wallet``): a request only says "pay me this
much"; marking it paid posts the ledger's payout transaction (``wallet.services.record_payout``),
kept on the request. An expert has at most one open request (requested or approved) at a time:
a partial unique index, so two requests racing end with one.
"""

import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from commerce.core.private_storage import private_storage


def statement_path(instance, filename):
    return f"payouts/statements/{instance.expert_id}/{filename.rsplit('/', 1)[-1]}"


@pghistory.track()
class PayoutRequest(models.Model):
    """An expert's request to have ``millimes`` of their earnings transferred to their bank account."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved, transfer to make")
        REJECTED = "rejected", _("Rejected")
        PAID = "paid", _("Paid")

    #: Statuses of a request still in progress (one per expert).
    OPEN = (Status.REQUESTED, Status.APPROVED)

    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="payout_requests",
        verbose_name=_("expert"),
    )
    millimes = models.BigIntegerField(_("amount (millimes)"))
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.REQUESTED)
    #: The admin's reason for a rejection, shown to the expert.
    reason = models.TextField(_("reason"), blank=True)
    #: Withheld at source when paid (tax option 2), in millimes; 0 otherwise.
    withheld_millimes = models.BigIntegerField(_("withheld (millimes)"), default=0)
    transaction = models.OneToOneField(
        "wallet.Transaction",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payout_request",
        verbose_name=_("ledger transaction"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("payout request")
        verbose_name_plural = _("payout requests")
        constraints = [
            models.UniqueConstraint(
                fields=["expert"],
                condition=Q(status__in=["requested", "approved"]),
                name="payouts_one_open_request",
            ),
            models.CheckConstraint(condition=Q(millimes__gt=0), name="payouts_amount_positive"),
            models.CheckConstraint(
                condition=~Q(status="paid") | Q(transaction__isnull=False, paid_at__isnull=False),
                name="payouts_paid_has_transaction",
            ),
        ]

    def __str__(self):
        return f"{self.expert} — {self.millimes / 1000:.3f} TND ({self.status})"

    @property
    def is_open(self):
        return self.status in self.OPEN

    @property
    def net_millimes(self):
        return self.millimes - self.withheld_millimes


class BankExport(models.Model):
    """Who downloaded the bank-transfer batch (with full account numbers), when, and which requests."""

    exported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    exported_at = models.DateTimeField(auto_now_add=True)
    request_ids = ArrayField(models.BigIntegerField(), default=list)

    class Meta:
        ordering = ["-exported_at"]

    def __str__(self):
        return f"{self.exported_at:%Y-%m-%d %H:%M} by {self.exported_by}"


class Statement(models.Model):
    """One expert's PDF statement for one month, stored privately; rendered again only when asked."""

    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    #: The first day of the month covered.
    month = models.DateField()
    language = models.CharField(max_length=8)
    pdf = models.FileField(storage=private_storage, upload_to=statement_path, max_length=255)
    generated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["expert", "month"], name="payouts_one_statement_a_month")
        ]

    def __str__(self):
        return f"{self.expert} {self.month:%Y-%m}"
