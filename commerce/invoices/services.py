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
from commerce.invoices.selectors import is_invoiceable
from commerce.money.fields import ZERO

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
        numbers = _take_numbers(sorted({draft.series for draft in drafts}), year)
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
    supported = {code for code, _name in settings.LANGUAGES}
    language = (order.language or "").lower()
    if language not in supported:
        language = language.split("-")[0]
    return language if language in supported else settings.LANGUAGE_CODE


def _take_numbers(series_list, year):
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
    return Invoice(
        **common,
        **fields,
        lines=lines,
        total_excl_tax=sum((Decimal(line["total_excl_tax"]) for line in lines), ZERO),
        total_tax=sum((Decimal(line["vat_amount"]) for line in lines), ZERO),
        total_incl_tax=sum((Decimal(line["total_incl_tax"]) for line in lines), ZERO),
    )


def _line_snapshot(line):
    quantity = line.quantity
    total_excl = line.line_price_excl_tax
    total_incl = line.line_price_incl_tax
    before_excl = line.line_price_before_discounts_excl_tax
    unit_excl = line.unit_price_excl_tax
    if unit_excl is None:
        unit_excl = before_excl / quantity
    product_rate = _product_rate(line.product)
    return {
        "description": line.description,
        "reference": line.partner_sku or line.upc or "",
        "quantity": quantity,
        "unit_price_excl_tax": unit_excl,
        "discount_excl_tax": max(before_excl - total_excl, ZERO),
        "vat_rate": vat_rate(total_excl, total_incl, quantity, preferred=product_rate),
        "vat_amount": total_incl - total_excl,
        "total_excl_tax": total_excl,
        "total_incl_tax": total_incl,
    }


def _charges_snapshot(order):
    """Shipping and surcharges: services of the platform."""
    charges = []
    if order.shipping_incl_tax:
        method = order.shipping_method or ""
        description = pgettext("invoice", "Shipping") + (f" — {method}" if method else "")
        charges.append(_charge(description, order.shipping_excl_tax, order.shipping_incl_tax))
    for surcharge in order.surcharges.order_by("pk"):
        if surcharge.incl_tax:
            charges.append(_charge(surcharge.name, surcharge.excl_tax, surcharge.incl_tax))
    return charges


def _charge(description, excl_tax, incl_tax):
    return {
        "description": description,
        "reference": "",
        "quantity": 1,
        "unit_price_excl_tax": excl_tax,
        "discount_excl_tax": ZERO,
        "vat_rate": vat_rate(excl_tax, incl_tax, 1),
        "vat_amount": incl_tax - excl_tax,
        "total_excl_tax": excl_tax,
        "total_incl_tax": incl_tax,
    }


def _known_rates():
    rates = getattr(settings, "PRICING_VAT_RATES", None) or {"standard": "0.19"}
    return sorted({Decimal(str(rate)) for rate in rates.values()}, reverse=True)


def _product_rate(product):
    if product is None or not hasattr(product, "get_tax_class"):
        return None
    rates = getattr(settings, "PRICING_VAT_RATES", {})
    rate = rates.get(product.get_tax_class())
    return Decimal(str(rate)) if rate is not None else None


def vat_rate(excl_tax, incl_tax, quantity, preferred=None):
    """The VAT rate (0.19 for 19 %) behind a line's amounts, as a fraction.

    Prices are rounded to the millime, so the tax is compared with each known rate within the
    rounding error; an amount no known rate explains gets its own rate, to a hundredth of a percent.
    """
    excl_tax, tax = Decimal(excl_tax), Decimal(incl_tax) - Decimal(excl_tax)
    tolerance = RATE_TOLERANCE_PER_UNIT * max(quantity, 1)
    candidates = ([preferred] if preferred is not None else []) + _known_rates()
    for rate in candidates:
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


def ensure_pdf(invoice):
    """The invoice's stored PDF, rendered now if it was never stored or has gone missing."""
    if invoice.pdf and invoice.pdf.storage.exists(invoice.pdf.name):
        return invoice.pdf
    from commerce.invoices.rendering import render_pdf

    content = render_pdf(invoice)
    invoice.pdf.save(f"{invoice.number}-{secrets.token_hex(8)}.pdf", ContentFile(content), save=False)
    Invoice.objects.filter(pk=invoice.pk).update(pdf=invoice.pdf.name)
    return invoice.pdf


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
