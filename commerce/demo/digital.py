"""The demo's digital products get real files made here: PDF guides written with WeasyPrint, a ZIP
of templates, a short WAV tone (the standard library writes WAV; it has no MP3 encoder), each run
through the real checks. Download limit 5, watermark on, previews made; the icon pack sells
licence keys with 5 seats.

Without a reachable clamd (``make run`` on a machine without ClamAV) the malware scan cannot run:
these files, made by the seeding itself, are then published unscanned and the report says so.
"""

import io
import math
import struct
import wave
import zipfile

from django.core.files.base import ContentFile
from django.test.utils import override_settings
from oscar.core.loading import get_model

from commerce.digital import services, tasks
from commerce.digital.models import DigitalFile, DigitalOptions, FileVersion

Product = get_model("catalogue", "Product")

#: French title of a demo product → (options, [(file name, maker)]).
GUIDE_CSS = (
    "@page{size:A5;margin:18mm}body{font-family:'Noto Sans',sans-serif;font-size:11pt}h1{color:#a0522d}"
)


def guide_pdf(title, chapters):
    from weasyprint import HTML

    body = "".join(
        f"<section style='page-break-after:always'><h1>{title}</h1><h2>Chapitre {n}</h2>"
        f"<p>{text}</p></section>"
        for n, text in enumerate(chapters, start=1)
    )
    return HTML(
        string=f"<html lang='fr'><head><style>{GUIDE_CSS}</style></head><body>{body}</body></html>"
    ).write_pdf()


def templates_zip(names):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, f"<!-- {name} -->\n<html><body><h1>{name}</h1></body></html>\n")
    return out.getvalue()


def tone_wav(seconds=4, frequency=440):
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(22050)
        audio.writeframes(
            b"".join(
                struct.pack("<h", int(12000 * math.sin(2 * math.pi * frequency * n / 22050)))
                for n in range(22050 * seconds)
            )
        )
    return out.getvalue()


LOREM = "Un chapitre court pour la démonstration : les fichiers sont générés par le script de démo."

DEMO_FILES = {
    "Guide Django pour débutants (e-book)": (
        {"watermark": "every_page", "preview_pages": 2, "preview_seconds": 2},
        [
            ("Guide Django (PDF)", "guide-django.pdf", lambda: guide_pdf("Guide Django", [LOREM] * 8)),
            ("Introduction audio", "introduction.wav", tone_wav),
        ],
    ),
    "Recettes de ma grand-mère (e-book)": (
        {"watermark": "every_page", "preview_pages": 1},
        [("Recettes (PDF)", "recettes.pdf", lambda: guide_pdf("Recettes de ma grand-mère", [LOREM] * 6))],
    ),
    "Patron de couture : jebba moderne": (
        {"watermark": "first_page", "preview_pages": 1},
        [("Patron (PDF)", "patron-jebba.pdf", lambda: guide_pdf("Patron : jebba moderne", [LOREM] * 4))],
    ),
    "Pack de 500 icônes vectorielles": (
        {"licences": "generated", "seats": 5},
        [("Icônes (ZIP)", "icones.zip", lambda: templates_zip([f"icone-{n:03d}.svg" for n in range(1, 21)]))],
    ),
    "Modèles de factures pour TPE": (
        {"watermark": "off"},
        [
            (
                "Modèles (ZIP)",
                "modeles-factures.zip",
                lambda: templates_zip(["facture.html", "devis.html", "bon-de-livraison.html"]),
            )
        ],
    ),
}


def seed_digital(report):
    """Options and checked files for the demo's digital products (once: products with files are kept)."""
    for title, (options, files) in DEMO_FILES.items():
        product = Product.objects.filter(title=title, product_class__slug="digital").first()
        if product is None or DigitalFile.objects.filter(product=product).exists():
            report.tally("digital files", False)
            continue
        DigitalOptions.objects.update_or_create(product=product, defaults={"download_limit": 5, **options})
        for name, filename, make in files:
            version = services.add_version(product, ContentFile(make(), name=filename), name=name)
            with override_settings(DIGITAL_ALLOW_UNSCANNED=True):
                status = tasks.validate_version(version.pk)
            if status == FileVersion.Status.UNSCANNED:
                report.notes.append(f"“{name}”: clamd not reachable, published unscanned (a demo file).")
            report.tally("digital files", True)
