"""Video checks read the container, not the name or the browser's claimed type; a WebM's duration
is the declared one or, for a browser recording that declares none, the clusters' last block."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from commerce.consultations.exceptions import InvalidMessage
from commerce.consultations.video import checked_video, webm_seconds
from tests.factories.consultations import webm_bytes, webm_video


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


class CountingReader(io.BytesIO):
    """A stream that counts the bytes read from it."""

    read_bytes = 0

    def read(self, size=-1):
        data = super().read(size)
        self.read_bytes += len(data)
        return data


def test_the_declared_webm_duration_is_read():
    assert webm_seconds(io.BytesIO(webm_bytes(42.5))) == pytest.approx(42.5)


def test_without_a_duration_the_clusters_give_it():
    assert webm_seconds(io.BytesIO(webm_bytes(None, length=95.25))) == pytest.approx(95.25)
    upload, content_type = checked_video(webm_video(30, name="rec.webm", declared=False))
    assert content_type == "video/webm" and upload.name.endswith(".webm")


def test_the_duration_is_read_without_reading_the_frames():
    # given: a recording of 2 minutes with 8 KB frames (about 2 MB)
    data = webm_bytes(None, length=120, frame_bytes=8192)
    stream = CountingReader(data)

    # when / then: the duration comes from headers and block timecodes only
    assert webm_seconds(stream) == pytest.approx(120)
    assert stream.read_bytes < len(data) / 100


@override_settings(CONSULTATIONS_VIDEO_MAX_SECONDS=60)
@pytest.mark.parametrize("declared", [True, False])
def test_a_video_too_long_is_refused(declared):
    with pytest.raises(InvalidMessage, match="more than 60 seconds"):
        checked_video(webm_video(61, declared=declared))
    upload, _type = checked_video(webm_video(59, declared=declared))
    assert upload.read() == (webm_bytes(59) if declared else webm_bytes(None, length=59))


@override_settings(CONSULTATIONS_VIDEO_MAX_BYTES=100)
def test_a_video_too_large_is_refused():
    with pytest.raises(InvalidMessage):
        checked_video(webm_video(seconds=5))


def test_a_picture_or_text_named_video_is_refused():
    for data in (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, b"not a video at all"):
        with pytest.raises(InvalidMessage):
            checked_video(SimpleUploadedFile("clip.webm", data, content_type="video/webm"))


@pytest.mark.parametrize(
    "data",
    [
        webm_bytes(10)[:30],  # cut inside the header
        webm_bytes(None, length=10)[:-7],  # cut inside the last block
        webm_bytes(None, length=10)[:120] + b"\x00" * 64,  # zeros where an element should start
    ],
    ids=["header cut", "last block cut", "garbage"],
)
def test_a_truncated_or_corrupt_webm_is_refused(data):
    with pytest.raises(InvalidMessage, match="could not be read"):
        checked_video(SimpleUploadedFile("clip.webm", data))
