"""Video questions and answers: checked by what the bytes are, not by what the browser claims.

Accepted: WebM (what browsers' MediaRecorder makes) and MP4/QuickTime (what phones upload), at
most ``CONSULTATIONS_VIDEO_MAX_BYTES`` and ``CONSULTATIONS_VIDEO_MAX_SECONDS``. The container is
recognised from its header (``filetype``); MP4's duration comes from mutagen, WebM's from the EBML
``Segment/Info/Duration`` element or, when the recorder left it out (MediaRecorder streams
usually do), from the clusters: the latest block's time (its cluster's timecode plus its own
relative timecode) times the timecode scale. Both are read from the upload as a stream, seeking
over the payloads, so a large video is never held in memory.
"""

import struct
import uuid

import filetype
from django import forms
from django.conf import settings
from django.core.files import File
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
_EBML, _SEGMENT, _INFO, _SCALE, _DURATION = 0x1A45DFA3, 0x18538067, 0x1549A966, 0x2AD7B1, 0x4489
_CLUSTER, _CLUSTER_TIMECODE, _BLOCK_GROUP, _SIMPLE_BLOCK, _BLOCK = 0x1F43B675, 0xE7, 0xA0, 0xA3, 0xA1
#: Elements whose children are read (their size may be "unknown", as live recorders write them).
_ENTERED = {_SEGMENT, _INFO, _CLUSTER, _BLOCK_GROUP}


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
    kind = filetype.guess(upload.read(8192))
    if kind is None or kind.mime not in CONTAINERS:
        raise forms.ValidationError(_("Send a video recorded here, or a WebM or MP4 file."))
    content_type, suffix = CONTAINERS[kind.mime]
    upload.seek(0)
    seconds = _mp4_seconds(upload) if content_type == "video/mp4" else webm_seconds(upload)
    if seconds is not None and seconds > settings.CONSULTATIONS_VIDEO_MAX_SECONDS:
        raise forms.ValidationError(
            _("The video lasts more than %(seconds)d seconds.")
            % {"seconds": settings.CONSULTATIONS_VIDEO_MAX_SECONDS}
        )
    upload.seek(0)
    return File(upload, name=f"{uuid.uuid4().hex}{suffix}"), content_type


def _mp4_seconds(stream):
    try:
        return MP4(stream).info.length
    except (MutagenError, ValueError, struct.error) as error:
        raise forms.ValidationError(_("The video could not be read.")) from error


class _Corrupt(ValueError):
    """The bytes do not follow EBML's structure (cut short, impossible sizes)."""


def _read(stream, count):
    data = stream.read(count)
    if len(data) != count:
        raise _Corrupt("cut short")
    return data


def _vint(stream, *, mask):
    """An EBML variable-length integer read from ``stream``: ``(value, bytes read)``, with
    ``value`` ``None`` for a size whose bits are all ones ("unknown", up to the parent's end)."""
    first = _read(stream, 1)[0]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8:
        raise _Corrupt("bad EBML integer")
    value = first & (0xFF >> length) if mask else first
    for byte in _read(stream, length - 1):
        value = (value << 8) | byte
    if mask and value == (1 << (7 * length)) - 1:
        return None, length
    return value, length


def webm_seconds(stream):
    """The duration of the WebM file in ``stream`` (binary, seekable, at its start), in seconds:
    the declared one, else the latest block's time; ``None`` when it holds neither. Refuses
    (``ValidationError``) a file cut short or not shaped as EBML."""
    stream.seek(0, 2)
    total = stream.tell()
    stream.seek(0)
    try:
        return _webm_seconds(stream, total)
    except (_Corrupt, struct.error):
        raise forms.ValidationError(_("The video could not be read.")) from None


def _webm_seconds(stream, total):
    scale, cluster_time, latest = 1_000_000, None, None
    element, _length = _vint(stream, mask=False)
    if element != _EBML:
        raise _Corrupt("not EBML")
    size, _length = _vint(stream, mask=True)
    position = stream.tell() + (size or 0)
    while position < total:
        stream.seek(position)
        element, id_length = _vint(stream, mask=False)
        size, size_length = _vint(stream, mask=True)
        position += id_length + size_length
        if element in _ENTERED:
            continue  # read its children next
        if size is None or position + size > total:
            raise _Corrupt("element past the end")
        if element in (_SCALE, _CLUSTER_TIMECODE):
            value = int.from_bytes(_read(stream, size), "big")
            if element == _SCALE:
                scale = value
            else:
                cluster_time = value
        elif element == _DURATION:
            duration = struct.unpack(">f" if size == 4 else ">d", _read(stream, size))[0]
            return duration * scale / 1_000_000_000
        elif element in (_SIMPLE_BLOCK, _BLOCK):
            if cluster_time is None:
                raise _Corrupt("a block outside a cluster")
            _track, track_length = _vint(stream, mask=True)
            if size < track_length + 2:
                raise _Corrupt("a block too short")
            block_time = cluster_time + struct.unpack(">h", _read(stream, 2))[0]
            latest = block_time if latest is None else max(latest, block_time)
        position += size
    return None if latest is None else latest * scale / 1_000_000_000
