"""A document's PDF as a private download (invoice or credit note), for the site's views and the API."""

from django.http import FileResponse

from commerce.invoices import services


def pdf_response(invoice):
    """The stored PDF (rendered first if missing), never cached by browsers or proxies."""
    pdf = services.ensure_pdf(invoice)
    response = FileResponse(
        pdf.open("rb"), as_attachment=True, filename=f"{invoice.number}.pdf", content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response
