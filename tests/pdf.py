"""PDF documents read back as text, to check what a downloaded invoice or export says."""

import io

from pypdf import PdfReader


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def text_beyond_right_edge(content):
    """Text drawn past the right edge of its page (cut off when printed): ``[(page, x, text)]``."""
    reader = PdfReader(io.BytesIO(content))
    beyond = []
    for number, page in enumerate(reader.pages, start=1):
        width = float(page.mediabox.width)

        def visit(text, cm, tm, _font, _size, number=number, width=width):
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            if text.strip() and x > width:
                beyond.append((number, round(x), text.strip()))

        page.extract_text(visitor_text=visit)
    return beyond
