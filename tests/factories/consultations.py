"""Paid messages and the videos they carry: WebM files written element by element, shaped as a
browser's MediaRecorder writes them (a Segment and Clusters of unknown size, SimpleBlocks)."""

import struct

from django.core.files.uploadedfile import SimpleUploadedFile

EBML, SEGMENT, INFO, TIMECODE_SCALE, DURATION = 0x1A45DFA3, 0x18538067, 0x1549A966, 0x2AD7B1, 0x4489
TRACKS, CLUSTER, CLUSTER_TIMECODE, SIMPLE_BLOCK = 0x1654AE6B, 0x1F43B675, 0xE7, 0xA3
_UNKNOWN_SIZE = b"\x01\xff\xff\xff\xff\xff\xff\xff"


def ebml(element_id, payload=b"", *, unknown_size=False):
    """One EBML element: its id's bytes, its size (a variable-length integer of one byte when it
    fits, else eight, or the "unknown" size live recorders write for Segments and Clusters), its
    payload."""
    head = element_id.to_bytes((element_id.bit_length() + 7) // 8, "big")
    if unknown_size:
        size = _UNKNOWN_SIZE
    elif len(payload) < 0x7F:
        size = bytes([0x80 | len(payload)])
    else:
        size = b"\x01" + len(payload).to_bytes(7, "big")
    return head + size + payload


def _uint(value):
    return value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")


def webm_bytes(seconds=None, *, length=None, frame_bytes=32, frame_ms=500, cluster_ms=5000):
    """A WebM file whose blocks span ``length`` seconds (default ``seconds``, else 12), declaring
    ``seconds`` as its Duration when given (MediaRecorder declares none), timecodes in ms."""
    length = seconds if length is None else length
    last_ms = round((12 if length is None else length) * 1000)
    header = ebml(EBML, ebml(0x4282, b"webm") + ebml(0x4287, b"\x04"))
    info = ebml(TIMECODE_SCALE, _uint(1_000_000))
    if seconds is not None:
        info += ebml(DURATION, struct.pack(">d", seconds * 1000))
    body = ebml(INFO, info) + ebml(TRACKS, ebml(0xAE, ebml(0xD7, b"\x01")))
    times = [*range(0, last_ms, frame_ms), last_ms]
    for start in range(0, last_ms + 1, cluster_ms):
        blocks = b"".join(
            ebml(SIMPLE_BLOCK, b"\x81" + struct.pack(">h", at - start) + b"\x80" + b"\x00" * frame_bytes)
            for at in times
            if start <= at < start + cluster_ms
        )
        body += ebml(CLUSTER, ebml(CLUSTER_TIMECODE, _uint(start)) + blocks, unknown_size=True)
    return header + ebml(SEGMENT, body, unknown_size=True)


def webm_video(seconds=12, name="question.webm", content_type="video/webm", *, declared=True):
    """An upload of a WebM video lasting ``seconds``, with a Duration element or (``declared=False``)
    without one, as recorded in a browser."""
    data = webm_bytes(seconds) if declared else webm_bytes(None, length=seconds)
    return SimpleUploadedFile(name, data, content_type=content_type)
