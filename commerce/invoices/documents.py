"""The invoices and credit notes an order email carries, registered with ``commerce.order.emails``.

The confirmation and payment emails attach the order's invoices (issued first when the order may be
invoiced); a refund's email attaches its credit notes; every email links the order's invoices.
"""

from commerce.invoices.selectors import credit_note_links, invoice_links
from commerce.invoices.services import invoices_ready_for, pdf_bytes
from commerce.order import emails


def _attachment(document):
    return (f"{document.number}.pdf", pdf_bytes(document), "application/pdf")


def documents_for_email(order, event_code, refund, verification_hash):
    """``(attachments, links)`` of one order email (see ``emails.register_documents``)."""
    attachments = []
    if event_code in emails.WITH_INVOICES:
        attachments = [_attachment(invoice) for invoice in invoices_ready_for(order)]
    links = invoice_links(order, verification_hash)
    if refund is not None:
        notes = list(refund.credit_notes.order_by("pk"))
        attachments += [_attachment(note) for note in notes]
        links += credit_note_links(order, verification_hash, notes)
    return attachments, links
