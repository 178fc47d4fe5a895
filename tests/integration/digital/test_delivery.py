"""Buying a digital product: one entitlement per paid line, downloads through short-lived signed
links counted in the database, the buyer's stamp on the PDF, refunds taking access back."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from commerce.digital import services
from commerce.digital.models import Download, Entitlement, StampedCopy
from commerce.payment.refunds import refund_order
from tests.factories import make_user
from tests.factories.stripe import place_card_order, post_event
from tests.factories.wallet import run_together
from tests.pdf import pdf_text

HTML = {"Accept": "text/html"}


def links_on(page):
    return re.findall(r'href="(/fr/accounts/downloads/file/[^"]+/)"', page.content.decode())


@pytest.mark.django_db
def test_a_replayed_payment_webhook_creates_one_entitlement(client, stripe_fake, buyer, ebook):
    from commerce.payment.stripe import sessions
    from tests.factories.stripe import checkout_urls

    order = place_card_order([(ebook, 1)], user=buyer)
    completed = stripe_fake.pay(sessions.start_checkout(order, **checkout_urls()).session_id)

    outcomes = [post_event(client, completed, fake=stripe_fake).json()["outcome"] for _ in range(3)]

    assert outcomes == ["confirmed", "already-processed", "already-processed"]
    entitlement = Entitlement.objects.get()
    assert (entitlement.line.order, entitlement.user, entitlement.downloads_left) == (order, buyer, 5)


@pytest.mark.django_db
def test_the_buyer_downloads_the_pdf_stamped_with_their_email_and_the_stamp_is_made_once(
    client, buyer, paid_ebook
):
    # Given the buyer on their downloads page
    client.force_login(buyer)
    page = client.get("/fr/accounts/downloads/")
    assert page.status_code == 200
    assert (
        "5 téléchargements restants" in page.content.decode() or "5 downloads left" in page.content.decode()
    )
    [link] = links_on(page)

    # When they download the file twice
    first = client.get(link, headers={"User-Agent": "Firefox/140"}, REMOTE_ADDR="196.203.1.2")
    second = client.get(link, REMOTE_ADDR="196.203.1.2")

    # Then each answer is the PDF stamped with their email and order number, stamped once
    assert first.status_code == 200 and first["Content-Disposition"].startswith("attachment")
    content = b"".join(first.streaming_content)
    text = pdf_text(content)
    assert "buyer@example.com" in text and paid_ebook.number in text
    assert b"".join(second.streaming_content) == content
    assert StampedCopy.objects.count() == 1
    # And both downloads are counted and logged
    assert Entitlement.objects.get().downloads_left == 3
    log = Download.objects.order_by("created_at").first()
    assert (log.user, log.ip, log.user_agent, log.version.number) == (buyer, "196.203.1.2", "Firefox/140", 1)


@pytest.mark.django_db
def test_the_order_page_lists_the_file_with_downloads_left(client, buyer, paid_ebook):
    client.force_login(buyer)
    page = client.get(f"/fr/accounts/orders/{paid_ebook.number}/")
    assert page.status_code == 200
    assert len(links_on(page)) == 1


@pytest.mark.django_db
def test_a_guest_downloads_from_the_signed_order_page(client, stripe_fake, ebook):
    from tests.factories.stripe import pay

    order = pay(place_card_order([(ebook, 1)], email="guest@example.com"), client, stripe_fake)
    page = client.get(f"/fr/accounts/order-status/{order.number}/{order.verification_hash()}/")
    [link] = links_on(page)

    response = Client().get(link)

    assert response.status_code == 200
    assert "guest@example.com" in pdf_text(b"".join(response.streaming_content))


@pytest.mark.django_db
def test_a_tampered_link_is_refused_and_counts_nothing(client, buyer, paid_ebook):
    client.force_login(buyer)
    [link] = links_on(client.get("/fr/accounts/downloads/"))
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = link.replace(token, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))

    response = client.get(forged)

    assert response.status_code == 403
    assert "pas valide" in response.json()["detail"]
    assert Entitlement.objects.get().downloads_left == 5


@pytest.mark.django_db
def test_an_expired_link_is_gone_with_a_page_that_says_how_to_get_another(client, buyer, paid_ebook):
    client.force_login(buyer)
    [link] = links_on(client.get("/fr/accounts/downloads/"))

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.get(link, headers=HTML)

    assert response.status_code == 410
    assert "expiré" in response.content.decode()
    assert Entitlement.objects.get().downloads_left == 5


@pytest.mark.django_db
def test_no_downloads_left_answers_410_with_how_to_ask_the_seller(client, buyer, paid_ebook):
    Entitlement.objects.update(downloads_left=0)
    client.force_login(buyer)
    [link] = links_on(client.get("/fr/accounts/downloads/")) or [None]
    assert link is None  # the page shows no button any more …
    entitlement = Entitlement.objects.get()
    token = services.download_token(entitlement, entitlement.product.digital_files.get())
    link = f"/fr/accounts/downloads/file/{token}/"

    response = client.get(link)  # … and an old link says why

    assert response.status_code == 410
    assert "vendeur" in response.json()["detail"]


@pytest.mark.django_db
def test_a_refund_revokes_access(client, buyer, paid_ebook):
    client.force_login(buyer)
    [link] = links_on(client.get("/fr/accounts/downloads/"))

    refund_order(paid_ebook)

    response = client.get(link)
    assert response.status_code == 403
    assert Entitlement.objects.get().revoked_at is not None
    assert not Download.objects.exists()


@pytest.mark.django_db
def test_no_buyer_reaches_another_buyers_files(client, buyer, paid_ebook):
    other = make_user("other@example.com")
    client.force_login(other)

    assert links_on(client.get("/fr/accounts/downloads/")) == []
    assert client.get(f"/fr/accounts/orders/{paid_ebook.number}/").status_code == 404
    assert client.get("/api/downloads/").json() == []
    # a token cannot be made for someone else's entitlement without the secret: forged ids fail
    entitlement = Entitlement.objects.get()
    forged = services.download_token(entitlement, entitlement.product.digital_files.get()).replace(
        ":", ";", 1
    )
    assert client.get(f"/fr/accounts/downloads/file/{forged}/").status_code == 403


@pytest.mark.django_db
def test_the_api_lists_downloads_whose_url_answers_the_file(client, buyer, paid_ebook):
    client.force_login(buyer)

    [row] = client.get("/api/downloads/").json()

    assert {key: row[key] for key in ("product", "file", "version", "downloads_left")} == {
        "product": Entitlement.objects.get().product_id,
        "file": "Guide Django.pdf",
        "version": 1,
        "downloads_left": 5,
    }
    assert row["url"].startswith("http")
    response = client.get(row["url"].split("testserver", 1)[-1])
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_pdf_that_cannot_be_stamped_uses_up_no_download(client, buyer, paid_ebook):
    # Given the stored PDF got damaged after it was checked
    entitlement = Entitlement.objects.get()
    digital_file = entitlement.product.digital_files.get()
    blob = digital_file.current_version.blob
    with blob.storage.open(blob.name, "rb") as stored:
        original = stored.read()
    blob.storage.delete(blob.name)
    blob.storage.save(blob.name, ContentFile(b"%PDF-1.7 damaged"))
    link = f"/fr/accounts/downloads/file/{services.download_token(entitlement, digital_file)}/"
    client.force_login(buyer)

    # When the buyer downloads it, they are told to try again, and nothing is counted
    refused = client.get(link)
    assert refused.status_code == 503
    entitlement.refresh_from_db()
    assert entitlement.downloads_left == 5 and not Download.objects.exists()
    assert not StampedCopy.objects.exists()

    # And once the file is back, the download is served and counted once
    blob.storage.delete(blob.name)
    blob.storage.save(blob.name, ContentFile(original))
    assert client.get(link).status_code == 200
    entitlement.refresh_from_db()
    assert entitlement.downloads_left == 4 and Download.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_20_concurrent_downloads_with_5_left_serve_exactly_5_files(stripe_fake):
    from tests.factories.digital import digital_product
    from tests.factories.stripe import pay

    buyer = make_user("buyer@example.com")
    product = digital_product(download_limit=5)
    pay(place_card_order([(product, 1)], user=buyer), Client(), stripe_fake)
    entitlement = Entitlement.objects.get()
    link = f"/fr/accounts/downloads/file/{services.download_token(entitlement, product.digital_files.get())}/"

    responses = run_together(20, lambda _i: Client().get(link))

    statuses = sorted(getattr(response, "status_code", repr(response)) for response in responses)
    assert statuses == [200] * 5 + [410] * 15
    entitlement.refresh_from_db()
    assert entitlement.downloads_left == 0
    assert Download.objects.count() == 5
