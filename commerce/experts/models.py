"""Experts: their public profile, the private verification behind it, and every review decision.

A profile goes draft → submitted → approved (or rejected / changes requested → submitted again).
Only approved public profiles are listed, reachable or payable (``ExpertProfile.objects.listed()``).
Prices are whole coins; a service without a price is not offered. Identity documents and the bank
account live in ``Verification``, readable by platform admins only.
"""

import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commerce.core.private_storage import decrypt_text, encrypted_private_storage


def call_minimum_minutes():
    return settings.EXPERTS_CALL_MINIMUM_MINUTES


def photo_path(instance, filename):
    return f"experts/photos/{instance.user_id}/{filename.rsplit('/', 1)[-1]}"


def document_path(instance, filename):
    return f"experts/verification/{instance.profile_id}/{filename.rsplit('/', 1)[-1]}"


#: Languages an expert may say they speak (ISO 639-1), with their names in the reader's language.
SPOKEN_LANGUAGES = (
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("es", _("Spanish")),
)
#: The paid services and the price field of each.
SERVICES = (("text", "text_price"), ("video", "video_price"), ("call", "call_price_per_minute"))


class Domain(models.Model):
    """A field of expertise (finance, wellness …): a taxonomy platform admins manage and translate."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("domain of expertise")
        verbose_name_plural = _("domains of expertise")

    def __str__(self):
        return self.name


class ExpertProfileQuerySet(models.QuerySet):
    def listed(self):
        """Profiles anyone may see: approved and public."""
        return self.filter(status=ExpertProfile.Status.APPROVED, is_public=True)


@pghistory.track()
class ExpertProfile(models.Model):
    """An expert's public face and the state of their application."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")

    class Booking(models.TextChoices):
        INSTANT = "instant", _("Instant booking")
        ON_REQUEST = "on_request", _("Booking on request")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile"
    )
    slug = models.SlugField(_("address name"), max_length=80, unique=True)
    full_name = models.CharField(_("full name"), max_length=120)
    photo = models.ImageField(_("photo"), upload_to=photo_path, max_length=255, blank=True)
    bio = models.TextField(_("professional bio"), blank=True)
    domains = models.ManyToManyField(Domain, related_name="experts", blank=True, verbose_name=_("domains"))
    languages = ArrayField(models.CharField(max_length=2, choices=SPOKEN_LANGUAGES), default=list, blank=True)
    text_price = models.PositiveIntegerField(_("text answer (coins)"), null=True, blank=True)
    video_price = models.PositiveIntegerField(_("video answer (coins)"), null=True, blank=True)
    call_price_per_minute = models.PositiveIntegerField(
        _("video call, per minute (coins)"), null=True, blank=True
    )
    call_minimum_minutes = models.PositiveSmallIntegerField(
        _("video call, minimum minutes"), default=call_minimum_minutes
    )
    booking_mode = models.CharField(_("booking"), max_length=12, choices=Booking, default=Booking.ON_REQUEST)
    is_public = models.BooleanField(_("public profile"), default=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    #: The admin's last reason (rejection or changes asked), shown to the expert.
    review_note = models.TextField(_("review note"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExpertProfileQuerySet.as_manager()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(call_minimum_minutes__gte=1), name="experts_call_minimum_positive"
            ),
        ]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("experts:profile", kwargs={"slug": self.slug})

    @property
    def is_listed(self):
        return self.status == self.Status.APPROVED and self.is_public

    @property
    def services(self):
        """[(service, price)] of the services offered (a price set)."""
        return [(name, getattr(self, field)) for name, field in SERVICES if getattr(self, field) is not None]

    @property
    def language_names(self):
        names = dict(SPOKEN_LANGUAGES)
        return [names[code] for code in self.languages if code in names]


@pghistory.track()
class Verification(models.Model):
    """The private half of an application: identity card, bank account, tax status.

    The bank account (RIB) is stored encrypted with only its last four digits in clear, so no
    page ever shows it whole after entry. ``payout_status`` is reviewed apart from the profile:
    bank or tax changes after approval send only this part back to review.
    """

    class Tax(models.TextChoices):
        VAT = "vat", _("VAT-registered (19 %)")
        WITHHOLDING = "withholding", _("Withholding at source (15 %)")

    class Payout(models.TextChoices):
        MISSING = "missing", _("Not given yet")
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")

    profile = models.OneToOneField(ExpertProfile, on_delete=models.CASCADE, related_name="verification")
    cin_front = models.FileField(
        _("ID card, front"),
        storage=encrypted_private_storage,
        upload_to=document_path,
        blank=True,
        max_length=255,
    )
    cin_back = models.FileField(
        _("ID card, back"),
        storage=encrypted_private_storage,
        upload_to=document_path,
        blank=True,
        max_length=255,
    )
    rib_encrypted = models.TextField(blank=True)
    rib_last4 = models.CharField(max_length=4, blank=True)
    tax_option = models.CharField(_("tax status"), max_length=12, choices=Tax, blank=True)
    tax_id = models.CharField(_("tax ID (matricule fiscal)"), max_length=20, blank=True)
    payout_status = models.CharField(max_length=10, choices=Payout, default=Payout.MISSING)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self):
        return f"{self.profile}"

    @property
    def has_documents(self):
        return bool(self.cin_front) and bool(self.cin_back)

    @property
    def has_payout_details(self):
        return bool(self.rib_encrypted) and bool(self.tax_option)

    @property
    def masked_rib(self):
        return f"•••• {self.rib_last4}" if self.rib_last4 else ""

    def rib(self):
        """The whole account number, for the payout batch only (never rendered in a page)."""
        return decrypt_text(self.rib_encrypted) if self.rib_encrypted else ""


@pghistory.track()
class ReviewDecision(models.Model):
    """One admin decision on an application or on changed payout details (the reviewable history)."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Rejected")
        CHANGES = "changes", _("Changes requested")
        APPROVE_PAYOUT = "approve_payout", _("Payout details approved")

    profile = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=16, choices=Action)
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.profile}"


class DocumentAccess(models.Model):
    """Who opened which identity document and when: every read through the admin view is recorded."""

    verification = models.ForeignKey(Verification, on_delete=models.CASCADE, related_name="accesses")
    document = models.CharField(max_length=10)
    viewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.document} of {self.verification} by {self.viewed_by}"
