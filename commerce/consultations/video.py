"""Video questions and answers: checked by what the bytes are, not by what the browser claims.

Accepted: WebM (what browsers' MediaRecorder makes) and MP4/QuickTime (what phones upload), at
most ``CONSULTATIONS_VIDEO_MAX_BYTES`` and ``CONSULTATIONS_VIDEO_MAX_SECONDS``. The container is
recognised from its header (``filetype``); MP4's duration comes from mutagen, WebM's from the
EBML ``Segment/Info/Duration`` element. A live MediaRecorder stream often leaves that element
out: such a recording is bounded by its size (and by the recorder's own time limit in the page).
"""

import io
import struct
import uuid

import filetype
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from mutagen import MutagenError
from mutagen.mp4 import MP4

#: Accepted containers: detected MIME type → (stored type, suffix).
CONTAINERS = {
    "video/webm": ("video/webm", ".webm"),
    "video/x-matroska": ("video/webm", ".webm"),
    "video/mp4": ("video/mp4", ".mp4"),
    "video/quicktime": ("video/mp4", ".mp4"),
}
_SEGMENT, _INFO, _SCALE, _DURATION, _CLUSTER = 0x18538067, 0x1549A966, 0x2AD7B1, 0x4489, 0x1F43B675


def checked_video(upload):
    """``(file, content type)`` ready to store, or ``InvalidMessage`` with a translated reason."""
    from .exceptions import InvalidMessage

    try:
        return _checked(upload)
    except forms.ValidationError as error:
        raise InvalidMessage(" ".join(error.messages)) from error


def _checked(upload):
    max_bytes = settings.CONSULTATIONS_VIDEO_MAX_BYTES
    if not upload.size:
        raise forms.ValidationError(_("The video is empty."))
    if upload.size > max_bytes:
        raise forms.ValidationError(
            _("The video is larger than %(size)s.") % {"size": filesizeformat(max_bytes)}
        )
    upload.seek(0)
    data = upload.read()
    kind = filetype.guess(data[:8192])
    if kind is None or kind.mime not in CONTAINERS:
        raise forms.ValidationError(_("Send a video recorded here, or a WebM or MP4 file."))
    content_type, suffix = CONTAINERS[kind.mime]
    seconds = _mp4_seconds(data) if content_type == "video/mp4" else webm_seconds(data)
    if seconds is not None and seconds > settings.CONSULTATIONS_VIDEO_MAX_SECONDS:
        raise forms.ValidationError(
            _("The video lasts more than %(seconds)d seconds.")
            % {"seconds": settings.CONSULTATIONS_VIDEO_MAX_SECONDS}
        )
    return SimpleUploadedFile(f"{uuid.uuid4().hex}{suffix}", data, content_type=content_type), content_type


def _mp4_seconds(data):
    try:
        return MP4(io.BytesIO(data)).info.length
    except (MutagenError, ValueError, struct.error) as error:
        raise forms.ValidationError(_("The video could not be read.")) from error


def _vint(data, pos, *, mask):
    """An EBML variable-length integer at ``pos``: ``(value, next position)``."""
    first = data[pos]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8 or pos + length > len(data):
        raise ValueError("bad EBML integer")
    value = first & (0xFF >> length) if mask else first
    for byte in data[pos + 1 : pos + length]:
        value = (value << 8) | byte
    return value, pos + length


def webm_seconds(data):
    """The duration a WebM file declares, in seconds, or ``None`` when it declares none."""
    try:
        pos, scale = 0, 1_000_000
        element, pos = _vint(data, pos, mask=False)
        size, pos = _vint(data, pos, mask=True)
        pos += size  # the EBML header
        while pos < len(data):
            element, pos = _vint(data, pos, mask=False)
            size, pos = _vint(data, pos, mask=True)
            if element in (_SEGMENT, _INFO):
                continue  # step inside
            if element == _CLUSTER:
                return None
            value = data[pos : pos + size]
            if element == _SCALE:
                scale = int.from_bytes(value, "big")
            elif element == _DURATION:
                duration = struct.unpack(">f" if size == 4 else ">d", value)[0]
                return duration * scale / 1_000_000_000
            pos += size
    except (ValueError, IndexError, struct.error):
        raise forms.ValidationError(_("The video could not be read.")) from None
    return None
