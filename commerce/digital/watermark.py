"""Stamping a PDF for one buyer: their name, email and order number on every page or the first.

The stamp is a one-page PDF drawn by WeasyPrint (any script: Arabic names included), laid over the
pages with pikepdf as a form XObject; the seller's file is never changed.
"""

import io
from html import escape

import pikepdf
from django.utils.translation import gettext as _
from weasyprint import HTML

STAMP_CSS = (
    "@page{size:595pt 40pt;margin:0}"
    "body{margin:0;font:8pt 'Noto Sans','DejaVu Sans',sans-serif;color:rgba(90,90,90,.85);"
    "text-align:center;line-height:40pt}"
)


def stamp_text(name, email, order_number):
    return _("Licensed to %(name)s <%(email)s> — order %(order)s") % {
        "name": name or email,
        "email": email,
        "order": order_number,
    }


def _stamp_pdf(text):
    html = f"<html><head><style>{STAMP_CSS}</style></head><body>{escape(text)}</body></html>"
    return HTML(string=html).write_pdf()


def stamp(source, text, *, first_page_only=False):
    """``source`` (a binary file) with ``text`` at the foot of its pages, as PDF bytes."""
    overlay = pikepdf.open(io.BytesIO(_stamp_pdf(text)))
    with pikepdf.open(source) as pdf:
        form = pdf.copy_foreign(overlay.pages[0].as_form_xobject())
        pages = pdf.pages[:1] if first_page_only else pdf.pages
        for page in pages:
            box = page.mediabox
            width = float(box[2]) - float(box[0])
            # Full width of the page, 40pt high, at its foot.
            rect = pikepdf.Rectangle(
                float(box[0]), float(box[1]), float(box[0]) + width, float(box[1]) + 40 * width / 595
            )
            page.add_overlay(form, rect)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()
