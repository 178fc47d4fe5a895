"""Reading invoices, and who may download which one.

Each lookup answers ``None`` both for an invoice that does not exist and for one the user may not
see, so a view can answer 404 either way and invoice numbers do not leak.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.invoices.models import CreditNote, Invoice
from commerce.order import statuses

Order = get_model("order", "Order")

#: Django permission of back-office users who may download every invoice (platform admins).
DOWNLOAD_ANY = "invoices.download_any_invoice"


def is_invoiceable(order):
    """Card orders are invoiced once paid; cash-on-delivery orders once confirmed."""
    if order.paid_at is not None:
        return True
    if order.payment_method == Order.CASH_ON_DELIVERY:
        return order.status not in (statuses.PENDING_PAYMENT, statuses.CANCELLED)
    return False


def order_invoices(order):
    return list(order.invoices.select_related("partner").order_by("pk"))


def invoices_for_partner(partner):
    return Invoice.objects.filter(partner=partner).select_related("order").order_by("-issued_at", "-pk")


def customer_invoice(user, order_number, invoice_number):
    """An invoice of one of the user's own orders."""
    if not user.is_authenticated:
        return None
    return (
        Invoice.objects.select_related("order", "partner")
        .filter(order__number=order_number, order__user=user, number=invoice_number)
        .first()
    )


def guest_invoice(order_number, invoice_number, verification_hash):
    """An invoice of a guest's order, for whoever holds the order's signed link (as Oscar's status page)."""
    invoice = (
        Invoice.objects.select_related("order", "partner")
        .filter(order__number=order_number, order__user__isnull=True, number=invoice_number)
        .first()
    )
    if invoice is None or not invoice.order.check_verification_hash(verification_hash):
        return None
    return invoice


def back_office_invoice(user, pk):
    """Platform admins see every invoice; a seller only its own partner's."""
    if not user.is_authenticated or not user.is_active:
        return None
    invoices = Invoice.objects.select_related("order", "partner")
    if not user.has_perm(DOWNLOAD_ANY):
        invoices = invoices.filter(partner__users=user)
    return invoices.filter(pk=pk).first()


def can_download_any(user):
    return user.is_authenticated and user.has_perm(DOWNLOAD_ANY)


def invoice_links(order, verification_hash=None):
    """Download links of the order's invoices: the owner's URLs, or a guest's signed ones."""
    links = []
    for invoice in order_invoices(order):
        if verification_hash:
            url = reverse("invoices:guest-download", args=[order.number, invoice.number, verification_hash])
        else:
            url = reverse("invoices:customer-download", args=[order.number, invoice.number])
        links.append(
            {
                "number": invoice.number,
                "vendor": invoice.vendor.get("name", ""),
                "url": url,
                "kind": "invoice",
            }
        )
    return links


def order_credit_notes(order):
    return list(order.creditnotes.select_related("partner").order_by("pk"))


def credit_note_links(order, verification_hash=None, notes=None):
    """Download links of the order's credit notes (or of ``notes``), as ``invoice_links``."""
    links = []
    for note in order_credit_notes(order) if notes is None else notes:
        if verification_hash:
            url = reverse("invoices:guest-credit-note", args=[order.number, note.number, verification_hash])
        else:
            url = reverse("invoices:customer-credit-note", args=[order.number, note.number])
        links.append(
            {"number": note.number, "vendor": note.vendor.get("name", ""), "url": url, "kind": "credit_note"}
        )
    return links


def customer_credit_note(user, order_number, number):
    """A credit note of one of the user's own orders."""
    if not user.is_authenticated:
        return None
    return (
        CreditNote.objects.select_related("order", "partner", "refund", "invoice")
        .filter(order__number=order_number, order__user=user, number=number)
        .first()
    )


def guest_credit_note(order_number, number, verification_hash):
    """A credit note of a guest's order, for whoever holds the order's signed link."""
    note = (
        CreditNote.objects.select_related("order", "partner", "refund", "invoice")
        .filter(order__number=order_number, order__user__isnull=True, number=number)
        .first()
    )
    if note is None or not note.order.check_verification_hash(verification_hash):
        return None
    return note


def back_office_credit_note(user, pk):
    """Platform admins see every credit note; a seller only its own partner's."""
    if not user.is_authenticated or not user.is_active:
        return None
    notes = CreditNote.objects.select_related("order", "partner", "refund", "invoice")
    if not user.has_perm(DOWNLOAD_ANY):
        notes = notes.filter(partner__users=user)
    return notes.filter(pk=pk).first()


def back_office_documents(order, user):
    """The order's documents a dashboard user may download (invoices, and any other document kind
    added here), for the "Documents" block of the dashboard's order page: every one for platform
    admins, a seller only its own shop's. Each: ``kind``, ``number``, ``vendor``, ``issued_at``, ``url``."""
    invoices = order.invoices.select_related("partner").order_by("pk")
    notes = order.creditnotes.select_related("partner").order_by("pk")
    if not can_download_any(user):
        invoices = invoices.filter(partner__users=user)
        notes = notes.filter(partner__users=user)
    documents = [
        (_("Invoice"), invoice, reverse("invoices-dashboard:download", args=[invoice.pk]))
        for invoice in invoices
    ]
    documents += [
        (_("Credit note"), note, reverse("invoices-dashboard:credit-note", args=[note.pk])) for note in notes
    ]
    return [
        {
            "kind": kind,
            "number": document.number,
            "vendor": document.vendor.get("name", ""),
            "issued_at": document.issued_at,
            "url": url,
        }
        for kind, document, url in documents
    ]
