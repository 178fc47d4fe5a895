"""Previews cut without re-encoding: an MP3 at a frame boundary, a WAV by frames, a PDF by pages."""

import io
import struct
import wave

import mutagen.mp3
import pikepdf

from commerce.digital import previews

#: MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames of 1152 samples.
FRAME = bytes([0xFF, 0xFB, 0x90, 0x00]) + bytes(413)


def test_an_mp3_preview_ends_on_a_frame_boundary_after_the_asked_seconds():
    song = b"ID3\x04\x00\x00\x00\x00\x00\x0a" + bytes(10) + FRAME * 1000  # ~26 s, with a tag

    preview = previews.mp3_preview(io.BytesIO(song), 5)

    assert (len(preview) - 20) % len(FRAME) == 0
    length = mutagen.mp3.MP3(io.BytesIO(preview)).info.length
    assert 5 <= length < 5.1


def test_a_wav_preview_keeps_the_first_seconds():
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(8000)
        audio.writeframes(struct.pack("<h", 1000) * 8000 * 10)
    out.seek(0)

    with wave.open(io.BytesIO(previews.wav_preview(out, 3))) as preview:
        assert preview.getnframes() == 8000 * 3


def test_a_pdf_preview_keeps_the_first_pages():
    pdf = pikepdf.new()
    for _ in range(6):
        pdf.add_blank_page()
    source = io.BytesIO()
    pdf.save(source)
    source.seek(0)

    with pikepdf.open(io.BytesIO(previews.pdf_preview(source, 2))) as preview:
        assert len(preview.pages) == 2
