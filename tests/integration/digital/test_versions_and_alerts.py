"""A new version reaches buyers under their entitlement (and tells them); previews are public only
for products on sale; downloads from many addresses alert the seller; nginx serves behind X-Accel."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from commerce.digital import services
from commerce.digital.models import DigitalFile, DigitalOptions, Entitlement
from commerce.notifications.models import Notification
from tests.factories.digital import pdf_bytes
from tests.factories.sellers import make_seller
from tests.pdf import pdf_text


def first_link(client):
    return re.findall(
        r'href="(/fr/accounts/downloads/file/[^"]+/)"', client.get("/fr/accounts/downloads/").content.decode()
    )[0]


@pytest.mark.django_db
@pytest.mark.usefixtures("scanning")
def test_a_new_version_is_delivered_under_the_same_entitlement_and_buyers_are_told(
    client, buyer, ebook, paid_ebook, django_capture_on_commit_callbacks
):
    digital_file = DigitalFile.objects.get(product=ebook)
    with django_capture_on_commit_callbacks(execute=True):
        services.add_version(
            ebook, SimpleUploadedFile("v2.pdf", pdf_bytes(2, title="Second edition")), file=digital_file
        )

    client.force_login(buyer)
    response = client.get(first_link(client))

    assert "Second edition" in pdf_text(b"".join(response.streaming_content))
    assert Entitlement.objects.get().downloads_left == 4
    notice = Notification.objects.get(recipient=buyer, event="digital.new_version")
    assert "2" in notice.body


@pytest.mark.django_db
@pytest.mark.usefixtures("scanning")
def test_a_preview_of_the_first_pages_is_public_while_the_product_is_on_sale(
    client, ebook, django_capture_on_commit_callbacks
):
    DigitalOptions.objects.filter(product=ebook).update(preview_pages=1)
    digital_file = DigitalFile.objects.get(product=ebook)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.add_version(ebook, SimpleUploadedFile("v2.pdf", pdf_bytes(4)), file=digital_file)

    page = client.get(ebook.get_absolute_url()).content.decode()
    assert f"/fr/accounts/downloads/preview/{version.pk}/" in page
    preview = client.get(f"/fr/accounts/downloads/preview/{version.pk}/")
    assert preview.status_code == 200 and pdf_text(b"".join(preview.streaming_content)).count("Page") == 1

    ebook.is_public = False
    ebook.save()
    assert client.get(f"/fr/accounts/downloads/preview/{version.pk}/").status_code == 404


@pytest.mark.django_db
def test_downloads_from_many_addresses_alert_the_seller(
    client, settings, buyer, ebook, paid_ebook, django_capture_on_commit_callbacks
):
    settings.DIGITAL_ALERT_ADDRESSES = 2
    seller = make_seller(ebook.stockrecords.get().partner)
    client.force_login(buyer)
    link = first_link(client)

    with django_capture_on_commit_callbacks(execute=True):
        for address in ("196.1.1.1", "41.2.2.2", "102.3.3.3"):
            client.get(link, REMOTE_ADDR=address)

    assert Notification.objects.filter(recipient=seller, event="digital.many_addresses").count() == 1
    client.force_login(seller)
    page = client.get(f"/dashboard/digital/{ebook.pk}/").content.decode()
    assert "data-sharing-alert" in page and "102.3.3.3" in page


@pytest.mark.django_db
def test_behind_nginx_the_answer_names_the_file_in_the_internal_location(client, settings, buyer, paid_ebook):
    settings.DIGITAL_X_ACCEL_PREFIX = "/_protected/"
    client.force_login(buyer)

    response = client.get(first_link(client))

    assert response.status_code == 200 and response.content == b""
    assert re.fullmatch(r"/_protected/digital/stamped/\d+-\d+\.pdf", response["X-Accel-Redirect"])
    assert response["Content-Disposition"].startswith("attachment")
