"""Issuing invoices and keeping their PDFs.

``issue_invoices`` numbers and freezes the invoices of an order in one short transaction (the order
row is locked so two workers cannot both issue; each series' counter row is locked so numbers have no
gaps); ``ensure_pdf`` renders a PDF afterwards, outside that transaction, and again whenever the
stored file has gone missing.
"""

import logging
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import pgettext
from oscar.core.loading import get_model

from commerce.invoices.exceptions import OrderNotInvoiceable
from commerce.invoices.models import Invoice, InvoiceCounter
from commerce.invoices.rendering import render_pdf
from commerce.invoices.selectors import is_invoiceable
from commerce.money.fields import ZERO
from commerce.order.language import order_language
from commerce.partner.strategy import rate_for_tax_code

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")

PLATFORM_SERIES = "P"
#: Rounding to the millime can move a tax amount by half a millime per unit (see partner/strategy.py).
RATE_TOLERANCE_PER_UNIT = Decimal("0.001")


def issue_invoices(order):
    """The order's invoices: one per seller, plus the platform's for shipping; created once.

    Safe to call any number of times, concurrently too: a second call returns the invoices the
    first one issued. Raises ``OrderNotInvoiceable`` before payment (card) or confirmation (COD).
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        existing = list(order.invoices.select_related("partner").order_by("pk"))
        if existing:
            return existing
        if not is_invoiceable(order):
            raise OrderNotInvoiceable(order.number)
        issued_at = timezone.now()
        year = timezone.localtime(issued_at).year
        with translation.override(invoice_language(order)):
            drafts = _drafts(order)
        numbers = take_numbers(sorted({draft.series for draft in drafts}), year)
        invoices = []
        for draft in drafts:
            sequence = numbers[draft.series]
            draft.year, draft.sequence, draft.issued_at = year, sequence, issued_at
            draft.number = format_number(draft.series, year, sequence)
            draft.save()
            invoices.append(draft)
    logger.info("Order %s: issued invoices %s", order.number, ", ".join(i.number for i in invoices))
    return invoices


def format_number(series, year, sequence):
    """``F-S7-2026-000123``: prefix, series, year, six-digit number."""
    return f"{settings.INVOICES_NUMBER_PREFIX}-{series}-{year}-{sequence:06d}"


def seller_series(partner):
    """Each seller numbers its invoices in its own series (it is the legal vendor)."""
    return getattr(partner, "invoice_series", "") or f"S{partner.pk}"


def invoice_language(order):
    return order_language(order)


def take_numbers(series_list, year):
    """Next number of each series, the counter rows locked in a fixed order (no deadlock)."""
    InvoiceCounter.objects.bulk_create(
        [InvoiceCounter(series=series, year=year) for series in series_list], ignore_conflicts=True
    )
    numbers = {}
    for series in series_list:
        counter = InvoiceCounter.objects.select_for_update().get(series=series, year=year)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
        numbers[series] = counter.last_number
    return numbers


def _drafts(order):
    """Unsaved invoices (without numbers) for each seller of the order and for the platform."""
    customer = customer_identity(order)
    common = {
        "order": order,
        "language": translation.get_language(),
        "currency": order.currency,
        "payment_method": order.payment_method,
        "customer": customer,
    }
    by_seller = {}
    platform_lines = []
    for line in order.lines.select_related("partner", "product").order_by("pk"):
        if line.partner_id is None:
            platform_lines.append(_line_snapshot(line))
        else:
            by_seller.setdefault(line.partner, []).append(_line_snapshot(line))
    drafts = [
        _draft(
            common,
            kind=Invoice.SELLER,
            partner=partner,
            series=seller_series(partner),
            lines=lines,
            vendor=vendor_identity(partner),
        )
        for partner, lines in sorted(by_seller.items(), key=lambda item: item[0].pk)
    ]
    platform_lines += _charges_snapshot(order)
    if platform_lines:
        drafts.append(
            _draft(
                common,
                kind=Invoice.PLATFORM,
                partner=None,
                series=PLATFORM_SERIES,
                lines=platform_lines,
                vendor=platform_identity(),
            )
        )
    return drafts


def _draft(common, *, lines, **fields):
    return Invoice(**common, **fields, lines=lines, **totals_of(lines))


def totals_of(lines):
    """A document's totals: the sums of its lines."""
    return {
        "total_excl_tax": sum((Decimal(line["total_excl_tax"]) for line in lines), ZERO),
        "total_tax": sum((Decimal(line["vat_amount"]) for line in lines), ZERO),
        "total_incl_tax": sum((Decimal(line["total_incl_tax"]) for line in lines), ZERO),
    }


def _line_snapshot(line):
    quantity = line.quantity
    total_excl = line.line_price_excl_tax
    total_incl = line.line_price_incl_tax
    before_excl = line.line_price_before_discounts_excl_tax
    unit_excl = line.unit_price_excl_tax
    if unit_excl is None:
        unit_excl = before_excl / quantity
    return {
        "description": line.description,
        "reference": line.partner_sku or line.upc or "",
        "quantity": quantity,
        "unit_price_excl_tax": unit_excl,
        "discount_excl_tax": max(before_excl - total_excl, ZERO),
        "vat_rate": line_vat_rate(line.tax_code, total_excl, total_incl, quantity),
        "vat_amount": total_incl - total_excl,
        "total_excl_tax": total_excl,
        "total_incl_tax": total_incl,
    }


def shipping_description(order):
    method = order.shipping_method or ""
    return pgettext("invoice", "Shipping") + (f" — {method}" if method else "")


def _charges_snapshot(order):
    """Shipping and surcharges: services of the platform."""
    charges = []
    if order.shipping_incl_tax:
        charges.append(
            charge_snapshot(
                shipping_description(order),
                order.shipping_excl_tax,
                order.shipping_incl_tax,
                order.shipping_tax_code,
            )
        )
    for surcharge in order.surcharges.order_by("pk"):
        if surcharge.incl_tax:
            charges.append(
                charge_snapshot(surcharge.name, surcharge.excl_tax, surcharge.incl_tax, surcharge.tax_code)
            )
    return charges


def charge_snapshot(description, excl_tax, incl_tax, tax_code=None):
    return {
        "description": description,
        "reference": "",
        "quantity": 1,
        "unit_price_excl_tax": excl_tax,
        "discount_excl_tax": ZERO,
        "vat_rate": line_vat_rate(tax_code, excl_tax, incl_tax, 1),
        "vat_amount": incl_tax - excl_tax,
        "total_excl_tax": excl_tax,
        "total_incl_tax": incl_tax,
    }


def _known_rates():
    rates = settings.PRICING_VAT_RATES
    return sorted({Decimal(str(rate)) for rate in rates.values()}, reverse=True)


def line_vat_rate(tax_code, excl_tax, incl_tax, quantity):
    """The VAT rate a line was sold at: its tax code's (set by the pricing strategy when it was
    priced); lines placed before tax codes were stored fall back on their amounts."""
    rate = rate_for_tax_code(tax_code) if tax_code else None
    return rate if rate is not None else vat_rate(excl_tax, incl_tax, quantity)


def vat_rate(excl_tax, incl_tax, quantity):
    """The VAT rate (0.19 for 19 %) behind a line's amounts, as a fraction.

    Prices are rounded to the millime, so the tax is compared with each known rate within the
    rounding error; an amount no known rate explains gets its own rate, to a hundredth of a percent.
    """
    excl_tax, tax = Decimal(excl_tax), Decimal(incl_tax) - Decimal(excl_tax)
    tolerance = RATE_TOLERANCE_PER_UNIT * max(quantity, 1)
    for rate in _known_rates():
        if abs(excl_tax * rate - tax) <= tolerance:
            return rate
    if not excl_tax:
        return ZERO
    return (tax / excl_tax).quantize(Decimal("0.0001"))


def customer_identity(order):
    address = order.billing_address or order.shipping_address
    user = order.user
    name = address.name if address else ""
    if not name and user is not None:
        name = user.get_full_name()
    fields = address.active_address_fields() if address else []
    if fields and name and fields[0] == name:
        fields = fields[1:]
    shipping_phone = getattr(order.shipping_address, "phone_number", None)
    phone = order.phone or (str(shipping_phone) if shipping_phone else "")
    return {
        "name": name or order.email or "",
        "email": order.email or "",
        "phone": phone,
        "address": fields,
    }


def vendor_identity(partner):
    """A seller's legal identity; reads the shop profile where it has the field, Oscar's address else."""

    def first(*names):
        for name in names:
            value = getattr(partner, name, "")
            if value:
                return str(value)
        return ""

    address = []
    try:
        primary = partner.primary_address
    except NotImplementedError:
        primary = partner.addresses.first()
    if primary is not None:
        address = primary.active_address_fields()
    elif first("address", "legal_address"):
        address = [part.strip() for part in first("address", "legal_address").splitlines() if part.strip()]
    return {
        "name": first("shop_name", "name"),
        "legal_name": first("legal_name", "company_name", "name"),
        "tax_id": first("tax_id", "vat_number", "matricule_fiscal"),
        "registration": first("registration_number", "trade_register"),
        "address": address,
        "email": first("contact_email", "email"),
        "phone": first("contact_phone", "phone"),
    }


def platform_identity():
    address = settings.INVOICES_PLATFORM_ADDRESS
    return {
        "name": settings.INVOICES_PLATFORM_NAME,
        "legal_name": settings.INVOICES_PLATFORM_NAME,
        "tax_id": settings.INVOICES_PLATFORM_TAX_ID,
        "registration": "",
        "address": [part.strip() for part in address.split("|") if part.strip()],
        "email": settings.INVOICES_PLATFORM_EMAIL,
        "phone": "",
    }


def ensure_pdf(document):
    """The stored PDF of an invoice or credit note, rendered now if it was never stored or has gone
    missing."""
    if document.pdf and document.pdf.storage.exists(document.pdf.name):
        return document.pdf
    content = render_pdf(document)
    document.pdf.save(f"{document.number}-{secrets.token_hex(8)}.pdf", ContentFile(content), save=False)
    type(document).objects.filter(pk=document.pk).update(pdf=document.pdf.name)
    return document.pdf


def pdf_bytes(invoice):
    pdf = ensure_pdf(invoice)
    with pdf.open("rb") as handle:
        return handle.read()


def invoices_ready_for(order):
    """Issued invoices with their PDFs, issuing them first if the order may be invoiced; else []."""
    if not order.invoices.exists() and not is_invoiceable(order):
        return []
    try:
        invoices = issue_invoices(order)
    except OrderNotInvoiceable:
        return []
    for invoice in invoices:
        ensure_pdf(invoice)
    return invoices
