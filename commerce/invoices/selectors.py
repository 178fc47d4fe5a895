"""Reading invoices, and who may download which one.

Each lookup answers ``None`` both for an invoice that does not exist and for one the user may not
see, so a view can answer 404 either way and invoice numbers do not leak.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.invoices.models import Invoice
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
        links.append({"number": invoice.number, "vendor": invoice.vendor.get("name", ""), "url": url})
    return links


def back_office_documents(order, user):
    """The order's documents a dashboard user may download (invoices, and any other document kind
    added here), for the "Documents" block of the dashboard's order page: every one for platform
    admins, a seller only its own shop's. Each: ``kind``, ``number``, ``vendor``, ``issued_at``, ``url``."""
    invoices = order.invoices.select_related("partner").order_by("pk")
    if not can_download_any(user):
        invoices = invoices.filter(partner__users=user)
    return [
        {
            "kind": _("Invoice"),
            "number": invoice.number,
            "vendor": invoice.vendor.get("name", ""),
            "issued_at": invoice.issued_at,
            "url": reverse("invoices-dashboard:download", args=[invoice.pk]),
        }
        for invoice in invoices
    ]
