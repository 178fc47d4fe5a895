"""Invoice and credit note downloads: the customer (or a guest holding the order's signed link),
the seller, platform admins.

Every refusal is a 404, whether the invoice does not exist or belongs to someone else, so invoice
and order numbers cannot be probed.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from commerce.invoices import selectors
from commerce.invoices.downloads import pdf_response


@require_GET
@never_cache
@login_required
def customer_download(request, order_number, invoice_number):
    invoice = selectors.customer_invoice(request.user, order_number, invoice_number)
    if invoice is None:
        raise Http404
    return pdf_response(invoice)


@require_GET
@never_cache
def guest_download(request, order_number, invoice_number, verification_hash):
    invoice = selectors.guest_invoice(order_number, invoice_number, verification_hash)
    if invoice is None:
        raise Http404
    return pdf_response(invoice)


@require_GET
@never_cache
def back_office_download(request, pk):
    invoice = selectors.back_office_invoice(request.user, pk)
    if invoice is None:
        raise Http404
    return pdf_response(invoice)


@require_GET
@never_cache
@login_required
def customer_credit_note(request, order_number, number):
    note = selectors.customer_credit_note(request.user, order_number, number)
    if note is None:
        raise Http404
    return pdf_response(note)


@require_GET
@never_cache
def guest_credit_note(request, order_number, number, verification_hash):
    note = selectors.guest_credit_note(order_number, number, verification_hash)
    if note is None:
        raise Http404
    return pdf_response(note)


@require_GET
@never_cache
def back_office_credit_note(request, pk):
    note = selectors.back_office_credit_note(request.user, pk)
    if note is None:
        raise Http404
    return pdf_response(note)
