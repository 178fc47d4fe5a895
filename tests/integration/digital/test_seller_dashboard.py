"""The seller's screens: only their own products, a chunked upload that ends in a checked version,
publication blocked by a refused file, protection options, licence keys, the access log."""

import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from commerce.core.private_storage import private_storage
from commerce.digital import tasks, uploads
from commerce.digital.models import DigitalFile, DigitalOptions, FileVersion, LicenceKey
from tests.factories.digital import digital_product, pdf_bytes
from tests.factories.sellers import make_seller


@pytest.fixture
def shop_product(db):
    return digital_product(title="Pack icônes", shop="Carthage Digital")


@pytest.fixture
def owner(shop_product):
    return make_seller(shop_product.stockrecords.get().partner)


def chunks_of(content, size):
    return [content[i : i + size] for i in range(0, len(content), size)]


@pytest.mark.django_db
def test_a_seller_sees_only_their_own_digital_products(client, owner, shop_product):
    other_product = digital_product(title="Autre boutique", shop="Dar Fakhar")
    client.force_login(owner)

    listing = client.get("/dashboard/digital/").content.decode()

    assert "Pack icônes" in listing and "Autre boutique" not in listing
    assert client.get(f"/dashboard/digital/{shop_product.pk}/").status_code == 200
    for url in (f"/dashboard/digital/{other_product.pk}/", f"/dashboard/digital/{other_product.pk}/upload/"):
        assert client.post(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.usefixtures("scanning")
def test_a_chunked_upload_becomes_a_checked_version_shown_as_a_checklist(
    client, settings, owner, shop_product, django_capture_on_commit_callbacks
):
    settings.DIGITAL_CHUNK_BYTES = 4096
    content = pdf_bytes(3)
    parts = chunks_of(content, 4096)
    assert len(parts) > 1
    client.force_login(owner)
    upload_id = uuid.uuid4().hex

    def send(index):
        return client.post(
            f"/dashboard/digital/{shop_product.pk}/upload/",
            {
                "upload_id": upload_id,
                "index": index,
                "total": len(parts),
                "name": "chapitre.pdf",
                "chunk": SimpleUploadedFile("blob", parts[index]),
            },
        ).json()

    with django_capture_on_commit_callbacks(execute=True):
        answers = [send(index) for index in range(len(parts) - 1)]
        # the chunks wait in the shared private storage (any app server takes the next one)
        folder = uploads.folder_of(owner, upload_id)
        assert uploads.received_chunks(private_storage(), folder) == [
            (i, 4096) for i in range(len(parts) - 1)
        ]
        answers.append(send(len(parts) - 1))

    assert [answer["done"] for answer in answers] == [False] * (len(parts) - 1) + [True]
    assert uploads.received_chunks(private_storage(), folder) == []  # assembled, then removed
    version = FileVersion.objects.get(pk=answers[-1]["version"])
    assert (version.status, version.size, version.original_name) == ("passed", len(content), "chapitre.pdf")
    with version.blob.open("rb") as stored:
        assert stored.read() == content
    page = client.get(f"/dashboard/digital/{shop_product.pk}/").content.decode()
    assert "chapitre.pdf" in page and "data-checklist" in page


@pytest.mark.django_db
def test_the_chunks_of_an_abandoned_upload_are_swept(settings, owner):
    settings.DIGITAL_UPLOAD_ABANDONED_HOURS = 24
    upload_id = uuid.uuid4().hex
    assert not uploads.receive(
        owner, upload_id=upload_id, index=0, total=2, chunk=SimpleUploadedFile("b", b"x")
    )
    folder = uploads.folder_of(owner, upload_id)

    assert tasks.sweep_abandoned_uploads() == 0  # still fresh
    assert uploads.received_chunks(private_storage(), folder) == [(0, 1)]
    assert uploads.sweep_abandoned(now=timezone.now() + timedelta(hours=25)) == 1
    assert uploads.received_chunks(private_storage(), folder) == []


@pytest.mark.django_db
def test_a_chunk_out_of_order_is_refused(client, owner, shop_product):
    client.force_login(owner)
    response = client.post(
        f"/dashboard/digital/{shop_product.pk}/upload/",
        {
            "upload_id": uuid.uuid4().hex,
            "index": 1,
            "total": 2,
            "name": "a.pdf",
            "chunk": SimpleUploadedFile("b", b"x"),
        },
    )
    assert response.status_code == 400 and response.json()["detail"]


@pytest.mark.django_db
def test_a_refused_file_blocks_publication_with_its_message(client, owner, shop_product):
    bad_file = DigitalFile.objects.create(product=shop_product, name="cassé.pdf")
    FileVersion.objects.create(
        file=bad_file,
        number=1,
        blob="digital/none.pdf",
        original_name="cassé.pdf",
        size=10,
        sha256="0" * 64,
        status="failed",
        report=[{"check": "pdf", "ok": False, "message": "Le PDF ne s'ouvre pas."}],
    )
    shop_product.is_public = False
    shop_product.save()
    client.force_login(owner)

    response = client.post(f"/dashboard/digital/{shop_product.pk}/publish/", {"public": "1"}, follow=True)

    shop_product.refresh_from_db()
    assert shop_product.is_public is False
    assert (
        "cassé.pdf" in response.content.decode()
        and "Le PDF ne s&#x27;ouvre pas." in response.content.decode()
    )


@pytest.mark.django_db
def test_the_seller_sets_protection_options_and_imports_keys(client, owner, shop_product):
    client.force_login(owner)
    response = client.post(
        f"/dashboard/digital/{shop_product.pk}/",
        {
            "download_limit": 5,
            "link_minutes": 30,
            "watermark": "first_page",
            "licences": "list",
            "seats": "5",
            "allowed_types": ["pdf", "zip"],
            "preview_pages": 2,
            "preview_seconds": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    options = DigitalOptions.objects.get(product=shop_product)
    assert (options.download_limit, options.watermark, options.seats, options.allowed()) == (
        5,
        "first_page",
        5,
        ["pdf", "zip"],
    )

    client.post(f"/dashboard/digital/{shop_product.pk}/keys/", {"keys": "AAA-1\nBBB-2\n\nAAA-1"})
    assert sorted(LicenceKey.objects.filter(product=shop_product).values_list("key", flat=True)) == [
        "AAA-1",
        "BBB-2",
    ]
