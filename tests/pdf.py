"""PDF documents read back as text, to check what a downloaded invoice or export says."""

import io

from pypdf import PdfReader


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)
