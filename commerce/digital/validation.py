"""The checks an uploaded file passes before buyers can get it: the seller's checklist.

Each check reads the file's bytes, never its name or its declared sizes: the type comes from the
content (``filetype``), archives are expanded while counting (a decompression bomb stops the
count), images are measured before they are decoded, and clamd scans the bytes over INSTREAM.
A check is passed (``ok`` True), failed (False, with what to fix), or could not run (None: only the
malware scan when clamd is unreachable).
"""

import zipfile
from dataclasses import asdict, dataclass, field
from urllib.parse import urlparse

import clamd
import filetype
import mutagen
import pikepdf
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

from .models import FILE_KINDS, FileVersion

ARCHIVES = {"zip", "epub"}
IMAGES = {"png", "jpg", "webp"}
AUDIO = {"mp3", "wav", "ogg", "flac"}
READ_BYTES = 1024 * 1024


@dataclass
class Check:
    check: str
    ok: bool | None
    message: str

    def as_dict(self):
        return asdict(self)


@dataclass
class Report:
    detected_type: str = ""
    checks: list = field(default_factory=list)

    def add(self, check, ok, message=""):
        self.checks.append(Check(check, ok, str(message)))
        return ok


def status_of(report):
    if any(check.ok is False for check in report.checks):
        return FileVersion.Status.FAILED
    if any(check.ok is None for check in report.checks):
        return FileVersion.Status.UNSCANNED
    return FileVersion.Status.PASSED


def validate(stream, size, options):
    """Run every check on ``stream`` (a binary file of ``size`` bytes) for a product's ``options``."""
    report = Report()
    if not report.add("not_empty", size > 0, _("The file has content.") if size else _("The file is empty.")):
        return report
    limit_mb = min(options.max_size_mb or settings.DIGITAL_MAX_UPLOAD_MB, settings.DIGITAL_MAX_UPLOAD_MB)
    limit = limit_mb * 1024 * 1024
    report.add(
        "size",
        size <= limit,
        _("%(size)s, within the limit of %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        if size <= limit
        else _("The file weighs %(size)s; this product accepts at most %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
    )
    if size > limit:
        return report
    stream.seek(0)
    kind = filetype.guess(stream.read(8192))
    detected = kind.extension if kind else ""
    report.detected_type = detected
    if _type_allowed(report, detected, options):
        stream.seek(0)
        content_check = _content_checks.get(_family(detected))
        if content_check is not None:
            content_check(report, stream, size)
    stream.seek(0)
    _scan(report, stream)
    return report


def _type_allowed(report, detected, options):
    allowed = options.allowed()
    names = ", ".join(str(FILE_KINDS.get(kind, kind)) for kind in allowed)
    if not detected:
        return report.add(
            "type",
            False,
            _(
                "Its content is not a file type we recognise (text, HTML or an unknown format). "
                "Allowed: %(allowed)s."
            )
            % {"allowed": names},
        )
    if detected not in allowed:
        return report.add(
            "type",
            False,
            _(
                "Its content is really a “%(type)s” file, which this product does not accept. "
                "Allowed: %(allowed)s."
            )
            % {"type": detected, "allowed": names},
        )
    return report.add("type", True, _("%(kind)s, read from its content.") % {"kind": FILE_KINDS[detected]})


def _family(detected):
    if detected in ARCHIVES:
        return "archive"
    if detected in IMAGES:
        return "image"
    if detected in AUDIO:
        return "audio"
    return detected


def _check_pdf(report, stream, size):
    try:
        with pikepdf.open(stream) as pdf:
            pages = len(pdf.pages)
    except (pikepdf.PdfError, ValueError):
        return report.add(
            "pdf", False, _("The PDF does not open: it is damaged. Export it again and upload it.")
        )
    if not pages:
        return report.add("pdf", False, _("The PDF has no pages."))
    return report.add("pdf", True, _("The PDF opens (%(pages)d pages).") % {"pages": pages})


def _check_archive(report, stream, size):
    """Expand every member, counting bytes as they come: stop at the total or ratio limit."""
    ceiling = min(settings.DIGITAL_ZIP_MAX_BYTES, size * settings.DIGITAL_ZIP_MAX_RATIO)
    expanded = 0
    try:
        with zipfile.ZipFile(stream) as archive:
            for member in archive.infolist():
                with archive.open(member) as inner:
                    while chunk := inner.read(READ_BYTES):
                        expanded += len(chunk)
                        if expanded > ceiling:
                            return report.add(
                                "archive",
                                False,
                                _(
                                    "The archive expands to more than %(limit)s "
                                    "(over %(ratio)d times its size): "
                                    "it looks like a decompression bomb and is refused."
                                )
                                % {"limit": filesizeformat(ceiling), "ratio": settings.DIGITAL_ZIP_MAX_RATIO},
                            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError):
        return report.add(
            "archive", False, _("The archive is damaged: it cannot be opened whole. Create it again.")
        )
    return report.add(
        "archive",
        True,
        _("The archive is complete (%(size)s expanded).") % {"size": filesizeformat(expanded)},
    )


def _check_image(report, stream, size):
    limit = settings.DIGITAL_IMAGE_MAX_PIXELS
    try:
        with Image.open(stream) as image:
            width, height = image.size
            if width * height <= limit:
                image.verify()
    except Image.DecompressionBombError:
        width, height = limit, limit  # Pillow's own ceiling is above ours: too large either way
    except (OSError, SyntaxError, ValueError):
        return report.add("image", False, _("The image is damaged: it cannot be read."))
    if width * height > limit:
        return report.add(
            "image",
            False,
            _("The image has more than %(limit)d million pixels (%(pixels)d million): it is refused.")
            % {"limit": limit // 1_000_000, "pixels": width * height // 1_000_000},
        )
    return report.add(
        "image", True, _("The image reads (%(width)d × %(height)d).") % {"width": width, "height": height}
    )


def _check_audio(report, stream, size):
    try:
        audio = mutagen.File(stream)
    except mutagen.MutagenError:
        audio = None
    length = getattr(getattr(audio, "info", None), "length", 0) or 0
    if not length:
        return report.add("audio", False, _("The audio file cannot be read: it is damaged or empty."))
    return report.add("audio", True, _("The audio reads (%(seconds)d seconds).") % {"seconds": round(length)})


_content_checks = {"pdf": _check_pdf, "archive": _check_archive, "image": _check_image, "audio": _check_audio}


def scanner():
    """The clamd client of ``DIGITAL_CLAMD_URL`` (tcp://host:port or unix:///path), or None."""
    url = settings.DIGITAL_CLAMD_URL
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme == "unix":
        return clamd.ClamdUnixSocket(path=parsed.path, timeout=60)
    return clamd.ClamdNetworkSocket(host=parsed.hostname, port=parsed.port or 3310, timeout=60)


def _scan(report, stream):
    client = scanner()
    try:
        if client is None:
            raise clamd.ConnectionError("no clamd configured")
        status, signature = client.instream(stream)["stream"]
    except (clamd.ConnectionError, OSError) as error:
        if settings.DIGITAL_ALLOW_UNSCANNED:
            unavailable = _(
                "The malware scan is unavailable (%(reason)s): this site publishes unscanned files."
            )
        else:
            unavailable = _(
                "The malware scan is unavailable (%(reason)s): "
                "the file cannot be published until it is scanned."
            )
        return report.add("malware", None, unavailable % {"reason": error})
    if status == "FOUND":
        return report.add(
            "malware",
            False,
            _("Malware was found (%(signature)s): the file is refused.") % {"signature": signature},
        )
    if status != "OK":
        return report.add("malware", None, _("The malware scan failed (%(reason)s).") % {"reason": signature})
    return report.add("malware", True, _("No malware found."))
