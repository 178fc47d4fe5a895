"""Credit notes: the legal counterpart of a refund, issued with it, numbered without gaps.

``issue_credit_note`` runs inside the transaction that completes a refund (the order row is
locked): one credit note per seller whose units are refunded, and the platform's for the shipping,
each in its own series next to that seller's invoices (the counter row is locked, a rolled-back
refund gives its number back). Lines are the refunded units at the price and VAT rate they were
sold at (the order line's tax code), so a product's VAT class changed since changes nothing.
"""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.invoices.models import CreditNote
from commerce.invoices.services import (
    PLATFORM_SERIES,
    charge_snapshot,
    customer_identity,
    invoice_language,
    issue_invoices,
    line_vat_rate,
    platform_identity,
    seller_series,
    shipping_description,
    take_numbers,
    totals_of,
    vendor_identity,
)
from commerce.money.fields import ZERO, to_millimes
from commerce.partner.strategy import rate_for_tax_code

Order = get_model("order", "Order")


def format_credit_note_number(series, year, sequence):
    """``A-S7-2026-000012``: prefix, the seller's series, year, six-digit number."""
    return f"{settings.INVOICES_CREDIT_NOTE_PREFIX}-{series}-{year}-{sequence:06d}"


def counter_series(series):
    """Credit notes are counted apart from the invoices of the same series."""
    return f"credit:{series}"


def issue_credit_note(refund):
    """The refund's credit notes (issued once; call it inside the refund's transaction)."""
    existing = list(refund.credit_notes.order_by("pk"))
    if existing:
        return existing
    order = refund.order
    invoices = {invoice.partner_id: invoice for invoice in issue_invoices(order)}
    with translation.override(invoice_language(order)):
        drafts = _drafts(order, refund, invoices)
    issued_at = timezone.now()
    year = timezone.localtime(issued_at).year
    numbers = take_numbers(sorted({counter_series(draft.series) for draft in drafts}), year)
    for draft in drafts:
        draft.year, draft.issued_at = year, issued_at
        draft.sequence = numbers[counter_series(draft.series)]
        draft.number = format_credit_note_number(draft.series, year, draft.sequence)
        draft.save()
    return drafts


def _drafts(order, refund, invoices):
    by_partner = {}
    for refund_line in refund.lines.select_related("line__partner").order_by("pk"):
        by_partner.setdefault(refund_line.line.partner, []).append(_refunded_units(refund_line))
    platform_lines = by_partner.pop(None, [])
    if refund.shipping:
        rate = rate_for_tax_code(order.shipping_tax_code) or ZERO
        excl = to_millimes(refund.shipping / (1 + rate))
        platform_lines.append(
            charge_snapshot(shipping_description(order), excl, refund.shipping, order.shipping_tax_code)
        )
    groups = sorted(by_partner.items(), key=lambda item: item[0].pk)
    if platform_lines:
        groups.append((None, platform_lines))
    drafts = []
    for partner, lines in groups:
        invoice = invoices.get(partner.pk if partner else None)
        drafts.append(
            CreditNote(
                order=order,
                refund=refund,
                invoice=invoice,
                partner=partner,
                kind=CreditNote.SELLER if partner else CreditNote.PLATFORM,
                series=seller_series(partner) if partner else PLATFORM_SERIES,
                language=translation.get_language(),
                currency=order.currency,
                payment_method=refund.method,
                vendor=invoice.vendor
                if invoice
                else (vendor_identity(partner) if partner else platform_identity()),
                customer=invoice.customer if invoice else customer_identity(order),
                lines=lines,
                **totals_of(lines),
            )
        )
    return drafts


def _refunded_units(refund_line):
    """The refunded units of a line at the price and VAT rate they were sold at; an amount refunded
    without units is one row of that amount, its description saying so."""
    line, units, incl = refund_line.line, refund_line.quantity, refund_line.amount
    rate = line_vat_rate(line.tax_code, line.line_price_excl_tax, line.line_price_incl_tax, line.quantity)
    excl = to_millimes(incl / (1 + rate))
    description = line.title if units else _("Partial refund of “%(title)s”") % {"title": line.title}
    units = units or 1
    return {
        "description": description,
        "reference": line.partner_sku or line.upc or "",
        "quantity": units,
        "unit_price_excl_tax": to_millimes(excl / units),
        "discount_excl_tax": ZERO,
        "vat_rate": rate,
        "vat_amount": incl - excl,
        "total_excl_tax": excl,
        "total_incl_tax": incl,
    }
