"""A customer's request to return delivered lines of one seller, its photos, and each seller's
return policy. The request keeps its whole story (who decided, when, with what comment, which
refund); the order's history gets a note at every step."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commerce.core.private_storage import private_storage


class ReturnPolicy(models.Model):
    """What a seller accepts when goods come back: may the customer take a voucher instead of a
    refund to the card? (Sellers without a policy allow it.)"""

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="return_policy", verbose_name=_("seller")
    )
    allows_voucher = models.BooleanField(_("customers may choose a voucher"), default=True)

    class Meta:
        verbose_name = _("return policy")
        verbose_name_plural = _("return policies")

    def __str__(self):
        return str(self.partner)


class ReturnRequest(models.Model):
    """Lines of one seller a customer wants to send back, and what became of the request."""

    REQUESTED, APPROVED, REFUSED = "requested", "approved", "refused"
    STATUSES = ((REQUESTED, _("Requested")), (APPROVED, _("Approved")), (REFUSED, _("Refused")))
    CARD, VOUCHER = "card", "voucher"
    REFUND_METHODS = ((CARD, _("Refund to the card")), (VOUCHER, _("Voucher")))

    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="return_requests", verbose_name=_("order")
    )
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, related_name="return_requests", verbose_name=_("seller")
    )
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=REQUESTED, db_index=True)
    refund_method = models.CharField(_("refund"), max_length=8, choices=REFUND_METHODS, default=CARD)
    reason = models.TextField(_("reason"))
    #: The seller's comment on approval, or the reason of a refusal.
    comment = models.TextField(_("comment"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    refund = models.OneToOneField(
        "payment.Refund",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="return_request",
        verbose_name=_("refund"),
    )
    #: The last status the customer was emailed about (each email goes out once).
    customer_notified = models.CharField(_("customer notified of"), max_length=16, blank=True)
    date_created = models.DateTimeField(_("date requested"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-date_created", "-pk"]
        verbose_name = _("return request")
        verbose_name_plural = _("return requests")

    def __str__(self):
        return f"{self.order_id}/{self.pk}"


class ReturnLine(models.Model):
    request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey("order.Line", on_delete=models.PROTECT, related_name="return_lines")
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("returned line")
        verbose_name_plural = _("returned lines")
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="returns_line_quantity_positive"),
            models.UniqueConstraint(fields=["request", "line"], name="returns_line_once_per_request"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.line_id}"


def photo_path(photo, filename):
    return f"returns/{photo.request.order_id}/{filename}"


class ReturnPhoto(models.Model):
    """A picture of the goods the customer sends with the request (private: no public URL)."""

    request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), storage=private_storage, upload_to=photo_path, max_length=255)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("return photo")
        verbose_name_plural = _("return photos")

    def __str__(self):
        return self.image.name
