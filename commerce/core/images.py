"""Uploaded images: limited in bytes and pixels, then decoded and encoded again before they are kept.

A small file can declare a huge canvas (a 17 KB PNG of 12000×12000 pixels takes seconds and
hundreds of megabytes to decode and thumbnail), and an image can carry metadata (GPS position,
camera serials) or bytes that are not pixels. The pixel count is read from the header, before any
decoding; only then is the image decoded and written again, with its orientation applied and no
metadata, in its own format. The limits are ``UPLOADS_IMAGE_MAX_BYTES`` and
``UPLOADS_IMAGE_MAX_PIXELS``; Pillow's own ``MAX_IMAGE_PIXELS`` follows the latter (see
``CoreConfig.ready``), so thumbnailing also refuses an oversized image stored before.
"""

import io

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

#: Formats kept as they are (anything else Pillow opens is refused).
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
#: Image metadata kept (colour profile, transparent colour); EXIF, XMP and comments are dropped.
KEPT_INFO = ("icc_profile", "transparency")
#: JPEG and WebP quality of the re-encoded file.
QUALITY = 90


def reencoded(upload, *, max_bytes=None):
    """A fresh upload holding ``upload``'s pixels only, or a ``ValidationError`` saying what is wrong."""
    max_bytes = max_bytes or settings.UPLOADS_IMAGE_MAX_BYTES
    if upload.size > max_bytes:
        message = _("The image is larger than %(size)s.") % {"size": filesizeformat(max_bytes)}
        raise forms.ValidationError(message, code="file_too_large")
    upload.seek(0)
    try:
        with Image.open(upload) as image:  # reads the header only
            if image.format not in FORMATS:
                raise forms.ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="invalid_image")
            if image.width * image.height > settings.UPLOADS_IMAGE_MAX_PIXELS:
                raise Image.DecompressionBombError(f"{image.width}x{image.height}")
            image_format = image.format
            pixels = ImageOps.exif_transpose(image)  # decodes; turned upright, as cameras meant
            # Encoders read metadata from ``info``: keep only what the pixels' look depends on.
            pixels.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
            out = io.BytesIO()
            pixels.save(out, format=image_format, **_encoder_options(image_format))
    except Image.DecompressionBombError as exc:
        raise forms.ValidationError(
            _("The image has too many pixels: at most %(max)s megapixels.")
            % {"max": f"{settings.UPLOADS_IMAGE_MAX_PIXELS / 1_000_000:g}"},
            code="too_many_pixels",
        ) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise forms.ValidationError(_("The image could not be read."), code="invalid_image") from exc
    return SimpleUploadedFile(upload.name, out.getvalue(), content_type=FORMATS[image_format])


def _encoder_options(image_format):
    if image_format == "JPEG":
        return {"quality": QUALITY, "optimize": True}
    if image_format == "WEBP":
        return {"quality": QUALITY}
    if image_format == "PNG":
        return {"optimize": True}
    return {}


class ImageUploadField(forms.ImageField):
    """An image upload checked and re-encoded by ``reencoded`` (instead of Django's own check, which
    opens the file before its size is known to be acceptable); what is stored is the new file."""

    def __init__(self, *, max_bytes=None, **kwargs):
        self.max_bytes = max_bytes
        super().__init__(**kwargs)

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        return None if upload is None else reencoded(upload, max_bytes=self.max_bytes)
