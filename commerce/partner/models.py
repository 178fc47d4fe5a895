"""Oscar's partner models: prices to the millime, stock that cannot be oversold, and its history."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockAlert, AbstractStockRecord

from commerce.core.validation import name_key, validate_name_characters
from commerce.money.fields import money_field


class StockRecord(AbstractStockRecord):
    """A seller's offer of a product; the database refuses allocating more than is in stock."""

    price = money_field(_("Price"), blank=True, null=True)

    class Meta(AbstractStockRecord.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(num_in_stock__isnull=True) | Q(num_in_stock__gte=0),
                name="partner_stockrecord_stock_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(num_allocated__isnull=True)
                | Q(num_in_stock__isnull=True)
                | Q(num_allocated__gte=0, num_allocated__lte=F("num_in_stock")),
                name="partner_stockrecord_allocation_within_stock",
            ),
        ]


class StockMovement(models.Model):
    """One change of a stock record's levels: who, when, why (sale, cancellation, edit, import …)."""

    SALE = "sale"
    CANCELLATION = "cancellation"
    SHIPMENT = "shipment"
    REFUND = "refund"
    MANUAL = "manual"
    IMPORT = "import"
    REASONS = (
        (SALE, _("Sale")),
        (CANCELLATION, _("Cancellation")),
        (SHIPMENT, _("Shipment")),
        (REFUND, _("Refund")),
        (MANUAL, _("Manual edit")),
        (IMPORT, _("Import")),
    )

    stockrecord = models.ForeignKey("partner.StockRecord", on_delete=models.CASCADE, related_name="movements")
    reason = models.CharField(_("reason"), max_length=16, choices=REASONS)
    in_stock_change = models.IntegerField(_("change in stock"), default=0)
    allocated_change = models.IntegerField(_("change in allocated"), default=0)
    num_in_stock_after = models.IntegerField(_("in stock after"), null=True)
    num_allocated_after = models.IntegerField(_("allocated after"), null=True)
    order_line = models.ForeignKey(
        "order.Line", null=True, blank=True, on_delete=models.SET_NULL, related_name="stock_movements"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    date_created = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        app_label = "partner"
        ordering = ["-date_created", "-pk"]
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")

    def __str__(self):
        return f"{self.stockrecord_id} {self.reason} {self.in_stock_change:+d}/{self.allocated_change:+d}"


def default_commission_rate():
    """The platform's cut for a new shop (``SELLERS_DEFAULT_COMMISSION_RATE``)."""
    return settings.SELLERS_DEFAULT_COMMISSION_RATE


class Partner(AbstractPartner):
    """A seller's shop: Oscar's fulfilment partner with its public profile and the platform's cut.

    ``name`` is the shop name; ``slug`` gives the public page ``/<lang>/shops/<slug>/``. Two shops
    cannot take names that look the same: ``name_key`` (the name without case, accents or invisible
    characters, filled on save) is unique in the database.
    """

    name = models.CharField(
        pgettext_lazy("Partner's name", "Name"),
        max_length=128,
        blank=True,
        db_index=True,
        validators=[validate_name_characters],
    )
    name_key = models.CharField(_("name key"), max_length=128, blank=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=128, unique=True)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="shops/logos/", blank=True, max_length=255)
    website_url = models.URLField(_("website"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    tiktok_url = models.URLField(_("TikTok account"), blank=True)
    terms_of_sale = models.TextField(_("terms of sale"), blank=True)
    refund_policy = models.TextField(_("refund policy"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    #: Share of each sale the platform keeps (0.2000 = 20 %), copied onto order lines at checkout.
    commission_rate = models.DecimalField(
        _("commission rate"), max_digits=5, decimal_places=4, default=default_commission_rate
    )

    class Meta(AbstractPartner.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(commission_rate__gte=0, commission_rate__lte=1),
                name="partner_partner_commission_rate_between_0_and_1",
            ),
            models.UniqueConstraint(
                fields=["name_key"], condition=~Q(name_key=""), name="partner_partner_unique_name_key"
            ),
        ]

    def clean(self):
        super().clean()
        self.name_key = self._name_key()
        others = type(self)._default_manager.exclude(pk=self.pk)
        if self.name_key and others.filter(name_key=self.name_key).exists():
            raise ValidationError({"name": _("Another shop already has this name.")})

    def save(self, *args, **kwargs):
        self.name_key = self._name_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _name_key(self):
        """The name's key, cut to its column (folding can lengthen a name: "ﷺ" is 18 letters)."""
        return name_key(self.name)[: self._meta.get_field("name_key").max_length]

    def _unique_slug(self):
        """A free slug from the code or name (else ``shop``), ``-2``, ``-3`` … added while taken."""
        base = slugify(self.code or self.name)[:120].strip("-") or "shop"
        others = type(self)._default_manager.exclude(pk=self.pk)
        slug, number = base, 2
        while others.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def get_absolute_url(self):
        return reverse("sellers:shop", kwargs={"slug": self.slug})

    @property
    def social_links(self):
        """``(label, url)`` of each social link the shop filled in, for templates."""
        links = (
            (_("Website"), self.website_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("TikTok", self.tiktok_url),
        )
        return [(label, url) for label, url in links if url]


class StockAlert(AbstractStockAlert):
    """Oscar's low-stock alert, plus when the seller was told; at most one open alert per record."""

    notified_at = models.DateTimeField(_("seller notified at"), null=True, blank=True)

    class Meta(AbstractStockAlert.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["stockrecord"],
                condition=Q(status="Open"),
                name="partner_stockalert_one_open_per_stockrecord",
            ),
        ]


from oscar.apps.partner.models import *  # noqa: E402, F403 isort:skip
