"""Digital products with real files: PDFs written by WeasyPrint, options, checked versions."""

import hashlib
import io

from django.core.files.base import ContentFile

from commerce.digital.models import DigitalFile, DigitalOptions, FileVersion
from tests.factories.catalogue import digital_class, product_for_sale


def pdf_bytes(pages=2, title="Guide"):
    """A real PDF of ``pages`` pages of text."""
    from weasyprint import HTML

    body = "".join(
        f"<section style='page-break-after:always'><h1>{title}</h1><p>Page {n}</p></section>"
        for n in range(1, pages + 1)
    )
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def checked_version(digital_file, content, name="guide.pdf", detected="pdf", number=None):
    """A version that passed its checks and is the file's current one (what the checks would do)."""
    number = number or (digital_file.versions.count() + 1)
    version = FileVersion(
        file=digital_file,
        number=number,
        original_name=name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        detected_type=detected,
        status=FileVersion.Status.PASSED,
    )
    version.blob.save(name, ContentFile(content), save=False)
    version.save()
    digital_file.current_version = version
    digital_file.save(update_fields=["current_version"])
    return version


def digital_product(
    title="Guide Django", price="35.000", *, shop="Carthage Digital", content=None, **options
):
    """A digital product for sale with one checked PDF file; ``options``: DigitalOptions fields."""
    product, _record = product_for_sale(
        title=title, price=price, shop=shop, stock=None, product_class=digital_class()
    )
    DigitalOptions.objects.create(product=product, **options)
    digital_file = DigitalFile.objects.create(product=product, name=f"{title}.pdf")
    checked_version(digital_file, content or pdf_bytes())
    return product


def file_like(content):
    return io.BytesIO(content)
