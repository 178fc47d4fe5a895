"""Digital products: the seller's files and their versions, what a paid line entitles its buyer to
download, the log of downloads, stamped copies and licence keys.

A product of the class "digital" carries ``DigitalOptions`` (its protection settings) and
``DigitalFile``s; each file has versions, and only a version that passed validation becomes the
file's current one (what buyers download). An ``Entitlement`` is written once per paid order line
by the fulfilment step; its ``downloads_left`` only goes down through one conditional UPDATE.
"""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from commerce.core.private_storage import private_storage


def _default_limit():
    return settings.DIGITAL_DEFAULT_DOWNLOAD_LIMIT


def _default_link_minutes():
    return settings.DIGITAL_DEFAULT_LINK_MINUTES


#: What a file may be, by the type detected from its bytes (``filetype``'s extension names).
FILE_KINDS = {
    "pdf": _("PDF document"),
    "zip": _("ZIP archive"),
    "epub": _("EPUB e-book"),
    "mp3": _("MP3 audio"),
    "wav": _("WAV audio"),
    "ogg": _("Ogg audio"),
    "flac": _("FLAC audio"),
    "png": _("PNG image"),
    "jpg": _("JPEG image"),
    "webp": _("WebP image"),
}
DEFAULT_ALLOWED = "pdf,zip,epub,mp3,wav,png,jpg"


class DigitalOptions(models.Model):
    """How one digital product is protected and delivered (the seller's choices)."""

    class Watermark(models.TextChoices):
        OFF = "off", _("No watermark")
        EVERY_PAGE = "every_page", _("Every page")
        FIRST_PAGE = "first_page", _("First page only")

    class Licences(models.TextChoices):
        OFF = "off", _("No licence keys")
        GENERATED = "generated", _("Generated keys")
        LIST = "list", _("Keys from my uploaded list")

    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="digital_options",
        verbose_name=_("product"),
    )
    download_limit = models.PositiveIntegerField(_("downloads per buyer"), default=_default_limit)
    link_minutes = models.PositiveIntegerField(
        _("download link lifetime (minutes)"), default=_default_link_minutes
    )
    #: Days a buyer keeps access after payment; empty: for good.
    access_days = models.PositiveIntegerField(_("access lasts (days)"), null=True, blank=True)
    watermark = models.CharField(_("PDF watermark"), max_length=16, choices=Watermark, default=Watermark.OFF)
    licences = models.CharField(_("licence keys"), max_length=16, choices=Licences, default=Licences.OFF)
    #: Machines one key may be activated on; empty: unlimited. Variants (1, 5, unlimited) carry their own.
    seats = models.PositiveIntegerField(_("seats per key"), null=True, blank=True, default=1)
    allowed_types = models.CharField(_("allowed file types"), max_length=200, default=DEFAULT_ALLOWED)
    max_size_mb = models.PositiveIntegerField(_("largest file (MB)"), null=True, blank=True)
    preview_pages = models.PositiveIntegerField(_("preview pages (PDF)"), default=0)
    preview_seconds = models.PositiveIntegerField(_("preview seconds (audio)"), default=0)

    class Meta:
        verbose_name = _("digital options")
        verbose_name_plural = _("digital options")

    def __str__(self):
        return str(self.product)

    def allowed(self):
        return [kind.strip() for kind in self.allowed_types.split(",") if kind.strip()]


class DigitalFile(models.Model):
    """One file a product delivers (several per product); buyers get its current version."""

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="digital_files", verbose_name=_("product")
    )
    name = models.CharField(_("name"), max_length=200)
    current_version = models.ForeignKey(
        "FileVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("digital file")
        verbose_name_plural = _("digital files")

    def __str__(self):
        return self.name


class FileVersion(models.Model):
    """An uploaded version of a file, kept in private storage, with its validation report."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being checked")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Refused")
        UNSCANNED = "unscanned", _("Malware scan unavailable")

    file = models.ForeignKey(DigitalFile, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    blob = models.FileField(_("file"), upload_to="digital/%Y/%m/", storage=private_storage, max_length=300)
    original_name = models.CharField(_("uploaded name"), max_length=255)
    size = models.BigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    detected_type = models.CharField(_("detected type"), max_length=32, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PENDING)
    #: ``[{"check", "ok", "message"}]`` in the order they ran (the seller's checklist).
    report = models.JSONField(default=list, blank=True)
    preview = models.FileField(
        upload_to="digital/previews/", storage=private_storage, blank=True, max_length=300
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["file", "-number"]
        constraints = [models.UniqueConstraint(fields=["file", "number"], name="digital_version_number_once")]

    def __str__(self):
        return f"{self.file} v{self.number}"


class Entitlement(models.Model):
    """What one paid order line lets its buyer download; written once per line (unique)."""

    line = models.OneToOneField("order.Line", on_delete=models.PROTECT, related_name="entitlement")
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    downloads_left = models.PositiveIntegerField(_("downloads left"))
    expires_at = models.DateTimeField(_("access until"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(downloads_left__gte=0), name="digital_downloads_left_gte_0")
        ]

    def __str__(self):
        return f"{self.line} ({self.downloads_left})"


class Download(models.Model):
    """One file served (the access log the seller reads)."""

    entitlement = models.ForeignKey(Entitlement, on_delete=models.CASCADE, related_name="downloads")
    version = models.ForeignKey(FileVersion, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.version} @ {self.created_at:%Y-%m-%d %H:%M}"


class StampedCopy(models.Model):
    """A version watermarked for one buyer, kept so later downloads do not stamp again."""

    entitlement = models.ForeignKey(Entitlement, on_delete=models.CASCADE, related_name="stamped")
    version = models.ForeignKey(FileVersion, on_delete=models.CASCADE, related_name="+")
    blob = models.FileField(upload_to="digital/stamped/", storage=private_storage, max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entitlement", "version"], name="digital_stamp_once_per_version")
        ]

    def __str__(self):
        return self.blob.name


class LicenceKey(models.Model):
    """A licence key of an order line (or one waiting in the seller's uploaded list: no line yet)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DISABLED = "disabled", _("Disabled")

    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="licence_keys")
    line = models.ForeignKey(
        "order.Line", on_delete=models.PROTECT, null=True, blank=True, related_name="licence_keys"
    )
    key = models.CharField(_("key"), max_length=100, unique=True)
    #: Activations allowed; empty: unlimited.
    seats = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.key


class Activation(models.Model):
    """One machine (instance) a key is activated on; deactivating frees its seat."""

    licence = models.ForeignKey(LicenceKey, on_delete=models.CASCADE, related_name="activations")
    instance = models.UUIDField(default=uuid.uuid4, unique=True)
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.name


class ProductReport(models.Model):
    """Anyone's report of a product (copyright, quality, fraud), for the platform admins."""

    class Reason(models.TextChoices):
        COPYRIGHT = "copyright", _("Copyright infringement")
        QUALITY = "quality", _("Poor quality or not as described")
        FRAUD = "fraud", _("Fraud or scam")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UPHELD = "upheld", _("Upheld: product unpublished")
        DISMISSED = "dismissed", _("Dismissed")

    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    email = models.EmailField(_("email"))
    reason = models.CharField(_("reason"), max_length=16, choices=Reason)
    message = models.TextField(_("message"), max_length=4000)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.product} ({self.reason})"


class Dispute(models.Model):
    """A buyer's dispute on one order line, mediated by the platform admins."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        REFUNDED = "refunded", _("Refunded")
        PARTLY_REFUNDED = "partly_refunded", _("Partly refunded")
        REJECTED = "rejected", _("Rejected")

    line = models.ForeignKey("order.Line", on_delete=models.PROTECT, related_name="disputes")
    buyer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"), max_length=4000)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["line"], condition=Q(status="open"), name="digital_one_open_dispute_per_line"
            )
        ]

    def __str__(self):
        return f"{self.line} ({self.status})"


class DisputeEntry(models.Model):
    """One step of a dispute, kept for its history: a message (from the buyer, the seller or an
    admin, seen by all three) or a decision."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Opened")
        MESSAGE = "message", _("Message")
        DECISION = "decision", _("Decision")

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="entries")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Kind)
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.kind}: {self.body[:40]}"


# The audit trail (django-pghistory, triggers: ``QuerySet.update()`` is recorded too): who got
# access and how many downloads were left, the keys and their status, disputes and decisions,
# file versions and their checks.
pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent())(Entitlement)
pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent())(LicenceKey)
pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent())(Activation)
pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent())(Dispute)
pghistory.track(pghistory.InsertEvent())(DisputeEntry)
pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent())(FileVersion)
