"""An invoice or a credit note as a PDF: one HTML template in the document's language, printed by
WeasyPrint."""

from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

MONEY_KEYS = (
    "unit_price_excl_tax",
    "discount_excl_tax",
    "vat_rate",
    "vat_amount",
    "total_excl_tax",
    "total_incl_tax",
)


def invoice_html(invoice):
    with translation.override(invoice.language):
        return render_to_string("invoices/invoice.html", invoice_context(invoice))


def invoice_context(invoice):
    """What the template reads; a credit note (it has a refund) also names the invoice it corrects."""
    lines = [{**line, **{key: Decimal(str(line[key])) for key in MONEY_KEYS}} for line in invoice.lines]
    order = invoice.order
    return {
        "invoice": invoice,
        "order": order,
        "vendor": invoice.vendor,
        "customer": invoice.customer,
        "lines": lines,
        "vat_breakdown": invoice.vat_breakdown,
        "platform_name": settings.INVOICES_PLATFORM_NAME,
        "is_platform": invoice.partner_id is None,
        "is_cash_on_delivery": invoice.payment_method == order.CASH_ON_DELIVERY,
        "paid_at": order.paid_at if order.paid_at and order.paid_at <= invoice.issued_at else None,
        "payment_label": dict(order.PAYMENT_METHODS).get(invoice.payment_method, invoice.payment_method),
        "is_credit_note": hasattr(invoice, "refund_id"),
        "refund": getattr(invoice, "refund", None),
        "corrected_invoice": getattr(invoice, "invoice", None),
    }


def render_pdf(invoice):
    """The PDF's bytes. Nothing is fetched from outside: fonts are the system's, images inline."""
    # WeasyPrint loads Pango and its fonts: only processes that render a PDF pay for it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=["data"])
    return HTML(string=invoice_html(invoice), url_fetcher=fetcher).write_pdf()
