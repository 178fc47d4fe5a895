"""Video checks read the container, not the name or the browser's claimed type."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from commerce.consultations.exceptions import InvalidMessage
from commerce.consultations.video import checked_video, webm_seconds
from tests.factories.consultations import webm_bytes, webm_video


def test_the_declared_webm_duration_is_read():
    assert webm_seconds(webm_bytes(42.5)) == pytest.approx(42.5)


def test_a_recording_without_a_duration_is_bounded_by_its_size_only():
    assert webm_seconds(webm_bytes(None)) is None
    upload, content_type = checked_video(SimpleUploadedFile("rec.webm", webm_bytes(None)))
    assert content_type == "video/webm" and upload.name.endswith(".webm")


@override_settings(CONSULTATIONS_VIDEO_MAX_SECONDS=60)
def test_a_video_too_long_is_refused():
    with pytest.raises(InvalidMessage, match="60"):
        checked_video(webm_video(seconds=61))
    checked_video(webm_video(seconds=59))


@override_settings(CONSULTATIONS_VIDEO_MAX_BYTES=100)
def test_a_video_too_large_is_refused():
    with pytest.raises(InvalidMessage):
        checked_video(webm_video(seconds=5))


def test_a_picture_or_text_named_video_is_refused():
    for data in (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, b"not a video at all"):
        with pytest.raises(InvalidMessage):
            checked_video(SimpleUploadedFile("clip.webm", data, content_type="video/webm"))


def test_a_truncated_webm_is_refused():
    with pytest.raises(InvalidMessage):
        checked_video(SimpleUploadedFile("clip.webm", webm_bytes(10)[:30]))
