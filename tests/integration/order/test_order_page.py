"""What the customer sees and does on their order page after the sale: payment status, each
refund (amount, lines, date, method), credit notes; cancelling; asking for a return."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

from commerce.order import statuses
from commerce.order.services import change_order_status
from commerce.payment.refunds import refund_order
from commerce.returns.models import ReturnRequest
from tests.factories.stripe import pay, place_card_order

Order = get_model("order", "Order")


def page(client, order, language="fr"):
    response = client.get(f"/{language}/accounts/orders/{order.number}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_customer_sees_a_refund_and_its_credit_note(client, paid_order, plate, customer, stripe_fake):
    client.force_login(customer)
    assert "Payée" in page(client, paid_order)

    refund = refund_order(paid_order, lines=[paid_order.lines.get(product=plate)])

    content = page(client, paid_order)
    assert "Partiellement remboursée" in content
    assert (
        "12,500" in content
        and "sur votre carte" in content
        and '1 × <span dir="auto">Plate</span>' in content
    )
    note = refund.credit_notes.get()
    assert f"/fr/accounts/orders/{paid_order.number}/credit-note/{note.number}/" in content
    assert "مسترجع جزئيًا" in page(client, paid_order, "ar")


def test_the_customer_cancels_a_paid_order_and_is_refunded(client, paid_order, customer, stripe_fake):
    client.force_login(customer)
    assert "Annuler ma commande et être remboursé" in page(client, paid_order)

    response = client.post(f"/fr/accounts/orders/{paid_order.number}/cancel/", follow=True)

    assert "Votre commande est annulée." in response.content.decode()
    order = Order.objects.get(pk=paid_order.pk)
    assert order.status == statuses.REFUNDED
    assert sum(refund["amount"] for refund in stripe_fake.refunds.values()) == 119310
    assert order.notes.filter(message="Annulée par le client.").exists()
    assert order.status_changes.filter(new_status=statuses.REFUNDED, changed_by=customer).exists()


def test_a_shipped_order_offers_no_cancel_and_refuses_one(client, paid_order, customer, stripe_fake):
    change_order_status(paid_order, statuses.PROCESSING)
    change_order_status(paid_order, statuses.SHIPPED)
    client.force_login(customer)
    assert "Annuler ma commande" not in page(client, paid_order)
    response = client.post(f"/fr/accounts/orders/{paid_order.number}/cancel/", follow=True)
    assert "déjà été expédiée" in response.content.decode()
    assert not stripe_fake.refunds


def jpeg(name):
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), (180, 90, 40)).save(picture, "JPEG")
    return SimpleUploadedFile(name, picture.getvalue(), content_type="image/jpeg")


def test_the_customer_asks_for_a_return_from_the_order_page(
    client, paid_order, tajine, customer, fakhar_seller
):
    for status in (statuses.PROCESSING, statuses.SHIPPED, statuses.DELIVERED):
        change_order_status(paid_order, status)
    line = paid_order.lines.get(product=tajine)
    client.force_login(customer)
    assert "Demander un retour" in page(client, paid_order)
    url = f"/fr/accounts/orders/{paid_order.number}/returns/"

    # Without a reason: refused with a message, nothing written
    response = client.post(url, {f"line_{line.pk}": "1", "reason": "", "refund_method": "card"}, follow=True)
    assert not ReturnRequest.objects.exists()
    assert "Indiquez pourquoi vous retournez ces articles." in response.content.decode()

    # Not a picture: refused, nothing written
    fake_photo = SimpleUploadedFile("crack.jpg", b"not an image", content_type="image/jpeg")
    data = {f"line_{line.pk}": "1", "reason": "Fissuré", "refund_method": "card"}
    client.post(url, {**data, "photos": [fake_photo]})
    assert not ReturnRequest.objects.exists()

    response = client.post(url, {**data, "photos": [jpeg("crack.jpg")]}, follow=True)
    assert "Votre demande de retour a été envoyée au vendeur." in response.content.decode()
    request = ReturnRequest.objects.get()
    assert request.lines.get().quantity == 1 and request.reason == "Fissuré"
    assert "Demandé" in page(client, paid_order)

    # The seller opens the photo from the returns queue; the customer cannot
    (photo,) = request.photos.all()
    client.force_login(fakhar_seller)
    assert client.get(f"/dashboard/returns/photos/{photo.pk}/").status_code == 200
    client.force_login(customer)
    assert client.get(f"/dashboard/returns/photos/{photo.pk}/").status_code == 403


def test_a_guest_sees_the_refund_and_downloads_the_credit_note_from_the_signed_link(
    client, stripe_fake, tajine
):
    order = pay(place_card_order([(tajine, 1)], email="guest@example.com"), client, stripe_fake)
    refund = refund_order(order)
    note = refund.credit_notes.get(partner__isnull=False)
    signed = order.verification_hash()

    content = client.get(f"/fr/accounts/order-status/{order.number}/{signed}/").content.decode()

    assert "Remboursée" in content and "Annuler ma commande" not in content
    link = f"/fr/accounts/orders/{order.number}/credit-note/{note.number}/{signed}/"
    assert link in content
    assert client.get(link)["Content-Type"] == "application/pdf"
    assert client.get(link.replace(signed, "forged")).status_code == 404
