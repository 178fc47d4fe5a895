"""Invoices and credit notes: legal documents per (order or refund, seller), numbered without gaps,
frozen when issued.

Each seller is the legal vendor of its goods, so each seller's lines of an order get their own invoice,
numbered in that seller's own series; shipping and surcharges are the platform's and go on a
platform invoice. What an invoice shows (vendor, customer, lines, totals) is copied onto it when it
is issued, so the PDF can be rebuilt identically later even if a shop profile changes. A refund
gets a credit note per seller whose lines it refunds (and the platform's for shipping), numbered in
its own series next to the seller's invoices.
"""

from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commerce.core.private_storage import private_storage
from commerce.money.fields import ZERO, money_field


class InvoiceCounter(models.Model):
    """The last number taken in one series and year.

    Numbers are taken by locking this row (``select_for_update``) inside the transaction that creates
    the invoice: a rolled-back transaction gives its number back, unlike a database sequence.
    """

    series = models.CharField(_("series"), max_length=32)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("invoice counter")
        verbose_name_plural = _("invoice counters")
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="invoices_counter_series_year_unique")
        ]

    def __str__(self):
        return f"{self.series}-{self.year}: {self.last_number}"


def invoice_pdf_path(invoice, filename):
    return f"invoices/{invoice.year}/{filename}"


def credit_note_pdf_path(credit_note, filename):
    return f"credit-notes/{credit_note.year}/{filename}"


class IssuedDocument(models.Model):
    """What an invoice and a credit note share: a number in a gapless series, frozen parties,
    lines and totals, a private PDF."""

    SELLER, PLATFORM = "seller", "platform"
    KINDS = ((SELLER, _("Seller invoice")), (PLATFORM, _("Platform invoice")))

    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="%(class)ss", verbose_name=_("order")
    )
    #: The seller who sold the goods; empty on the platform's document (shipping, surcharges).
    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("seller"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=KINDS, default=SELLER)
    series = models.CharField(_("series"), max_length=32)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("number in the series"))
    number = models.CharField(_("number"), max_length=64, unique=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    currency = models.CharField(_("currency"), max_length=12)
    payment_method = models.CharField(_("payment method"), max_length=8)
    #: Legal identity of the vendor when the document was issued.
    vendor = models.JSONField(_("vendor"), encoder=DjangoJSONEncoder, default=dict)
    #: Name, email, phone and address of the customer when the document was issued.
    customer = models.JSONField(_("customer"), encoder=DjangoJSONEncoder, default=dict)
    #: Lines (description, quantity, unit price excl. tax, VAT rate and amount, totals).
    lines = models.JSONField(_("lines"), encoder=DjangoJSONEncoder, default=list)
    total_excl_tax = money_field(_("total (excl. tax)"), default=ZERO)
    total_tax = money_field(_("VAT"), default=ZERO)
    total_incl_tax = money_field(_("total (incl. tax)"), default=ZERO)

    class Meta:
        abstract = True

    def __str__(self):
        return self.number

    @property
    def vat_breakdown(self):
        """``[(rate, base excl. tax, VAT)]`` per VAT rate, as an invoice must show them."""
        groups = {}
        for line in self.lines:
            rate = Decimal(line["vat_rate"])
            base, tax = groups.get(rate, (ZERO, ZERO))
            groups[rate] = (base + Decimal(line["total_excl_tax"]), tax + Decimal(line["vat_amount"]))
        return [(rate, base, tax) for rate, (base, tax) in sorted(groups.items())]


class Invoice(IssuedDocument):
    """One seller's (or the platform's) invoice for one order."""

    pdf = models.FileField(
        _("PDF"), storage=private_storage, upload_to=invoice_pdf_path, max_length=255, blank=True
    )

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "sequence"], name="invoices_invoice_series_year_number_unique"
            ),
            models.UniqueConstraint(
                fields=["order", "partner"],
                condition=models.Q(partner__isnull=False),
                name="invoices_invoice_one_per_order_and_seller",
            ),
            models.UniqueConstraint(
                fields=["order"],
                condition=models.Q(partner__isnull=True),
                name="invoices_invoice_one_platform_invoice_per_order",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="seller", partner__isnull=False)
                | models.Q(kind="platform", partner__isnull=True),
                name="invoices_invoice_kind_matches_partner",
            ),
            models.CheckConstraint(
                condition=models.Q(sequence__gt=0), name="invoices_invoice_sequence_positive"
            ),
        ]
        permissions = [("download_any_invoice", _("Can download the invoice of any order"))]


class CreditNote(IssuedDocument):
    """One seller's (or the platform's) credit note for one refund: the refunded units and shipping,
    at the prices and VAT rates they were sold at, cancelling that part of the invoice."""

    refund = models.ForeignKey(
        "payment.Refund", on_delete=models.PROTECT, related_name="credit_notes", verbose_name=_("refund")
    )
    #: The invoice this credit note corrects.
    invoice = models.ForeignKey(
        Invoice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        verbose_name=_("invoice"),
    )
    pdf = models.FileField(
        _("PDF"), storage=private_storage, upload_to=credit_note_pdf_path, max_length=255, blank=True
    )

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("credit note")
        verbose_name_plural = _("credit notes")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "sequence"], name="invoices_credit_note_series_year_number_unique"
            ),
            models.UniqueConstraint(
                fields=["refund", "partner"],
                condition=models.Q(partner__isnull=False),
                name="invoices_credit_note_one_per_refund_and_seller",
            ),
            models.UniqueConstraint(
                fields=["refund"],
                condition=models.Q(partner__isnull=True),
                name="invoices_credit_note_one_platform_note_per_refund",
            ),
            models.CheckConstraint(
                condition=models.Q(sequence__gt=0), name="invoices_credit_note_sequence_positive"
            ),
        ]
