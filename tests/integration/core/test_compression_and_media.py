"""Pages leave compressed; uploads and thumbnails are served with cache headers, private files never."""

import gzip
from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture
def media_file(settings, tmp_path):
    """Factory: writes a file under a temporary MEDIA_ROOT and returns its URL path."""
    settings.MEDIA_ROOT = str(tmp_path)

    def write(relative, content=b"\xff\xd8\xff\xe0" + b"\x00" * 4096):
        path = Path(tmp_path, relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return f"{settings.MEDIA_URL}{relative}"

    return write


@pytest.mark.django_db
def test_a_page_is_sent_gzipped_to_a_browser_that_accepts_it(client, product):
    # when
    response = client.get("/fr/catalogue/", headers={"accept-encoding": "gzip, deflate, br"})
    # then
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert product.title in gzip.decompress(response.content).decode()


@pytest.mark.django_db
def test_a_thumbnail_is_cached_for_a_year_and_not_compressed_again(client, media_file):
    # given
    url = media_file("cache/ab/cd/abcdef.jpg")
    # when
    response = client.get(url, headers={"accept-encoding": "gzip"})
    # then
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Content-Encoding" not in response
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_an_upload_is_cached_for_a_day(client, media_file):
    # given
    url = media_file("images/products/2026/12/tajine.jpg")
    # when
    response = client.get(url)
    # then
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"


@pytest.mark.django_db
@pytest.mark.parametrize("relative", ["private/invoices/1.pdf", "cache/../private/invoices/1.pdf"])
def test_private_files_are_never_served(client, media_file, relative):
    # given
    media_file("private/invoices/1.pdf", b"%PDF-1.7 secret")
    # when
    response = client.get(f"{settings.MEDIA_URL}{relative}")
    # then
    assert response.status_code == 404
