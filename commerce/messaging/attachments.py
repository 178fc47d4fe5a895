"""Attachments: pictures and PDFs, checked by what they really are, kept where no URL reaches them.

The declared name and content type are the sender's claims; the bytes decide. Pictures go through
the site's image rule (size, pixel count, decoded and written again without metadata); a PDF must
start with the PDF signature and parse. Files live in the shared private storage
(commerce/core/private_storage.py), and are streamed by ``views.attachment`` after the same access
check as the thread.
"""

import io
import uuid
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from commerce.core.images import reencoded

PDF = "application/pdf"
IMAGE_SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif"}


def attachment_path(message, filename):
    return f"messaging/{message.thread_id}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def checked_attachment(upload):
    """``(file, original name, content type)`` ready to store, or a translated ``ValidationError``."""
    max_bytes = settings.MESSAGING_ATTACHMENT_MAX_BYTES
    if upload.size > max_bytes:
        raise forms.ValidationError(
            _("The file is larger than %(size)s.") % {"size": filesizeformat(max_bytes)},
            code="file_too_large",
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    name = PurePath(upload.name or "file").name[:200]
    if head == b"%PDF-":
        data = upload.read()
        try:
            PdfReader(io.BytesIO(data), strict=False).pages[0]  # noqa: B018 (parsing is the check)
        except (PdfReadError, ValueError, IndexError, KeyError, TypeError, OSError) as exc:
            raise forms.ValidationError(_("The PDF could not be read."), code="invalid_pdf") from exc
        stem = PurePath(name).stem or "document"
        return SimpleUploadedFile(f"{stem}.pdf", data, content_type=PDF), f"{stem}.pdf", PDF
    try:
        image = reencoded(upload, max_bytes=max_bytes)
    except forms.ValidationError as error:
        if error.code == "invalid_image":
            raise forms.ValidationError(
                _("Attach a picture (JPEG, PNG, WebP, GIF) or a PDF."), code="type"
            ) from error
        raise
    suffix = IMAGE_SUFFIXES[image.content_type]
    stem = PurePath(name).stem or "image"
    image.name = f"{stem}{suffix}"
    return image, image.name, image.content_type
