"""Free previews made from a checked version: the first pages of a PDF, the first seconds of an
audio file. MP3 is cut at a frame boundary found by walking the frame headers (no re-encoding, so
no encoder is needed); WAV is cut by frames with the standard library."""

import io
import wave

import pikepdf

#: MPEG-1 Layer III bitrates (kbit/s) by header index, and sample rates (Hz) by index.
MP3_BITRATES = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
MP3_SAMPLE_RATES = (44100, 48000, 32000)
MP3_SAMPLES_PER_FRAME = 1152


def pdf_preview(stream, pages):
    """The first ``pages`` pages of the PDF, as bytes."""
    with pikepdf.open(stream) as pdf:
        del pdf.pages[pages:]
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def wav_preview(stream, seconds):
    with wave.open(stream, "rb") as source:
        params = source.getparams()
        frames = source.readframes(min(params.nframes, params.framerate * seconds))
    out = io.BytesIO()
    with wave.open(out, "wb") as preview:
        preview.setparams(params)
        preview.writeframes(frames)
    return out.getvalue()


def mp3_preview(stream, seconds):
    """The bytes of the MP3 up to the frame where ``seconds`` are reached (ID3 tag included)."""
    data = stream.read()
    position = _first_frame(data)
    played = 0.0
    while position + 4 <= len(data) and played < seconds:
        length, duration = _frame(data[position : position + 4])
        if not length:
            break
        position += length
        played += duration
    return data[:position]


def _first_frame(data):
    position = 0
    if data[:3] == b"ID3":  # skip the tag: 10-byte header, then a 28-bit "syncsafe" size
        size = data[6] << 21 | data[7] << 14 | data[8] << 7 | data[9]
        position = 10 + size
    while position + 4 <= len(data) and not _frame(data[position : position + 4])[0]:
        position += 1
    return position


def _frame(header):
    """``(length in bytes, seconds)`` of the MPEG-1 Layer III frame starting with ``header``."""
    if header[0] != 0xFF or header[1] & 0xFE != 0xFA:  # sync, MPEG-1, Layer III
        return 0, 0.0
    bitrate_index, rate_index, padding = header[2] >> 4, (header[2] >> 2) & 3, (header[2] >> 1) & 1
    if not 0 < bitrate_index < 15 or rate_index == 3:
        return 0, 0.0
    rate = MP3_SAMPLE_RATES[rate_index]
    return 144 * MP3_BITRATES[bitrate_index] * 1000 // rate + padding, MP3_SAMPLES_PER_FRAME / rate


def make_preview(stream, detected_type, options):
    """``(bytes, extension)`` of the preview the options ask for, or None."""
    if detected_type == "pdf" and options.preview_pages:
        return pdf_preview(stream, options.preview_pages), "pdf"
    if detected_type == "mp3" and options.preview_seconds:
        return mp3_preview(stream, options.preview_seconds), "mp3"
    if detected_type == "wav" and options.preview_seconds:
        return wav_preview(stream, options.preview_seconds), "wav"
    return None
