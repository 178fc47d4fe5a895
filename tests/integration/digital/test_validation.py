"""Each check refuses its bad file with its own message (the seller's checklist), from the file's
bytes: real clamd with the project's test signature, real PDF, ZIP, image and audio readers."""

import io
import struct
import wave
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from commerce.digital import services, validation
from commerce.digital.models import DigitalFile, DigitalOptions, FileVersion
from tests.factories.digital import digital_product, pdf_bytes

TEST_MALWARE = b"SOUK-TEST-MALWARE-SIGNATURE-DO-NOT-PUBLISH-4e1d"


def run(content, **options):
    report = validation.validate(io.BytesIO(content), len(content), DigitalOptions(**options))
    return report, {check.check: check for check in report.checks}


def refused(content, check, **options):
    report, checks = run(content, **options)
    assert validation.status_of(report) == FileVersion.Status.FAILED, report
    assert checks[check].ok is False, report
    return checks[check].message


def png(width, height):
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG", optimize=True)
    return out.getvalue()


def png_claiming(width, height):
    """A few bytes of PNG whose header claims ``width`` × ``height`` pixels, as a decompression bomb
    does (its pixels would take gigabytes once decoded): a 1×1 image with its IHDR rewritten."""
    out = io.BytesIO()
    Image.new("1", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    data[16:24] = struct.pack(">II", width, height)  # IHDR's data starts after signature, length, type
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))  # its CRC covers type and data
    return bytes(data)


def wav(seconds=1):
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(8000)
        audio.writeframes(b"".join(struct.pack("<h", (n * 300) % 20000) for n in range(8000 * seconds)))
    return out.getvalue()


def zip_of(**members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.usefixtures("scanning")
def test_good_files_pass_every_check():
    for content, expected in (
        (pdf_bytes(3), "pdf"),
        (png(64, 64), "png"),
        (wav(), "wav"),
        (zip_of(a=b"x" * 100), "zip"),
    ):
        report, checks = run(content)
        assert validation.status_of(report) == FileVersion.Status.PASSED, report
        assert report.detected_type == expected
        assert checks["malware"].ok is True


@pytest.mark.usefixtures("scanning")
def test_an_executable_renamed_pdf_is_refused_by_its_real_type():
    executable = b"MZ" + b"\x90" * 58 + struct.pack("<I", 64) + b"PE\x00\x00" + b"\x00" * 200
    assert "exe" in refused(executable, "type")


@pytest.mark.usefixtures("scanning")
def test_html_renamed_jpg_is_refused_as_unrecognised():
    assert "HTML" in refused(b"<!doctype html><html><script>alert(1)</script></html>", "type")


@pytest.mark.usefixtures("scanning")
def test_a_corrupt_pdf_is_refused():
    broken = pdf_bytes(2)[:400]
    assert "PDF" in refused(broken, "pdf")


@pytest.mark.usefixtures("scanning")
def test_a_zip_bomb_of_200_mb_of_zeros_is_refused_while_reading(settings):
    # Built streaming: 200 MB of zeros written in 1 MB chunks, never held in memory
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("zeros.bin", "w") as member:
        chunk = bytes(1024 * 1024)
        for _ in range(200):
            member.write(chunk)
    bomb = out.getvalue()
    assert len(bomb) < 1024 * 1024

    assert "bomb" in refused(bomb, "archive")


@pytest.mark.usefixtures("scanning")
def test_an_image_bomb_is_refused_before_it_is_decoded(settings):
    settings.DIGITAL_IMAGE_MAX_PIXELS = 10_000_000
    assert "pixels" in refused(png_claiming(20_000, 20_000), "image")


@pytest.mark.usefixtures("scanning")
def test_the_test_signature_is_found_alone_and_inside_a_zip():
    assert "Souk.Test.Malware-1" in refused(pdf_bytes(1) + TEST_MALWARE, "malware")
    # a file refused for its type is scanned all the same (the seller sees both)
    assert "Souk.Test.Malware-1" in refused(b"notes " + TEST_MALWARE, "malware")
    inside = refused(zip_of(**{"docs/readme.txt": b"hello " + TEST_MALWARE}), "malware")
    assert "Souk.Test.Malware-1" in inside


@pytest.mark.usefixtures("scanning")
def test_an_empty_file_is_refused():
    assert refused(b"", "not_empty")


@pytest.mark.usefixtures("scanning")
def test_a_file_over_the_size_limit_is_refused():
    message = refused(pdf_bytes(1) + bytes(1024 * 1024), "size", max_size_mb=1)
    assert message.endswith("1,0\xa0Mio.")  # the limit, in the reader's units


@pytest.mark.usefixtures("scanning")
def test_a_type_the_product_does_not_allow_is_refused():
    assert "png" in refused(png(10, 10), "type", allowed_types="pdf")


def test_without_clamd_the_scan_is_unavailable_and_blocks_publication(settings):
    settings.DIGITAL_CLAMD_URL = "tcp://127.0.0.1:9"  # nothing listens there
    settings.DIGITAL_ALLOW_UNSCANNED = False
    report, checks = run(pdf_bytes(1))

    assert checks["malware"].ok is None and "ne peut pas être publié" in checks["malware"].message
    assert validation.status_of(report) == FileVersion.Status.UNSCANNED


@pytest.mark.django_db
@pytest.mark.usefixtures("scanning")
def test_an_upload_is_checked_after_commit_and_only_a_passed_version_is_delivered(
    django_capture_on_commit_callbacks,
):
    product = digital_product()
    digital_file = DigitalFile.objects.get(product=product)
    first = digital_file.current_version

    with django_capture_on_commit_callbacks(execute=True):
        bad = services.add_version(
            product, SimpleUploadedFile("v2.pdf", b"%PDF-1.7 broken"), file=digital_file
        )
    with django_capture_on_commit_callbacks(execute=True):
        good = services.add_version(product, SimpleUploadedFile("v3.pdf", pdf_bytes(2)), file=digital_file)

    bad.refresh_from_db()
    good.refresh_from_db()
    digital_file.refresh_from_db()
    assert (bad.number, bad.status, good.number, good.status) == (2, "failed", 3, "passed")
    assert digital_file.current_version == good != first
    assert [check["check"] for check in good.report] == ["not_empty", "size", "type", "pdf", "malware"]


@pytest.mark.django_db
@pytest.mark.parametrize("allowed", [False, True])
def test_an_unscanned_version_is_delivered_only_when_the_setting_allows_it(
    settings, allowed, django_capture_on_commit_callbacks
):
    settings.DIGITAL_CLAMD_URL = "tcp://127.0.0.1:9"  # clamd down
    settings.DIGITAL_ALLOW_UNSCANNED = allowed
    product = digital_product()
    digital_file = DigitalFile.objects.get(product=product)
    first = digital_file.current_version

    with django_capture_on_commit_callbacks(execute=True):
        version = services.add_version(product, SimpleUploadedFile("v2.pdf", pdf_bytes(1)), file=digital_file)

    version.refresh_from_db()
    digital_file.refresh_from_db()
    assert version.status == "unscanned"
    assert digital_file.current_version == (version if allowed else first)
