"""Paid messages and the videos they carry."""

import struct

from django.core.files.uploadedfile import SimpleUploadedFile


def _element(element_id, payload):
    """One EBML element: its id bytes, its size (a one-byte variable-length integer), its payload."""
    assert len(payload) < 127
    return element_id + bytes([0x80 | len(payload)]) + payload


def webm_bytes(seconds=None, *, frames=64):
    """A minimal WebM file (EBML header, Segment/Info, one Cluster), declaring ``seconds`` when given,
    as a browser's MediaRecorder writes one (which often declares no duration)."""
    header = _element(b"\x1a\x45\xdf\xa3", _element(b"\x42\x82", b"webm") + _element(b"\x42\x87", b"\x04"))
    info = _element(b"\x2a\xd7\xb1", (1_000_000).to_bytes(3, "big"))
    if seconds is not None:
        info += _element(b"\x44\x89", struct.pack(">d", seconds * 1000))
    cluster = _element(b"\x1f\x43\xb6\x75", _element(b"\xe7", b"\x00") + b"\x00" * frames)
    return (
        header
        + b"\x18\x53\x80\x67\x01\xff\xff\xff\xff\xff\xff\xff"
        + _element(b"\x15\x49\xa9\x66", info)
        + cluster
    )


def webm_video(seconds=12, name="question.webm", content_type="video/webm"):
    return SimpleUploadedFile(name, webm_bytes(seconds), content_type=content_type)
