"""Credit notes: one per seller (and the platform's for shipping) per refund, numbered without gaps
in each seller's series, in the customer's language with VAT broken out, downloadable by the
customer only."""

from decimal import Decimal

from commerce.payment.refunds import refund_order
from tests.factories import make_user
from tests.factories.stripe import pay, place_card_order
from tests.integration.invoices.test_invoice_pdf import normalized
from tests.pdf import pdf_text


def test_an_arabic_customer_gets_an_arabic_credit_note_with_its_vat(
    client, stripe_fake, customer, tajine, artifacts_dir
):
    order = pay(place_card_order([(tajine, 2)], user=customer, language="ar"), client, stripe_fake)
    refund = refund_order(order, lines={order.lines.get(): 1})
    (note,) = refund.credit_notes.all()
    assert note.language == "ar"

    client.force_login(customer)
    response = client.get(f"/ar/accounts/orders/{order.number}/credit-note/{note.number}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    (artifacts_dir / "credit-note-ar.pdf").write_bytes(content)
    text = normalized(pdf_text(content))
    assert note.number in text
    assert "49,905" in text or "49.905" in text  # the unit refunded, VAT included
    assert note.vat_breakdown == [(Decimal("0.19"), Decimal("41.937"), Decimal("7.968"))]


def test_credit_notes_are_numbered_without_gaps_and_private(client, stripe_fake, customer, tajine, plate):
    order = pay(place_card_order([(tajine, 2), (plate, 1)], user=customer), client, stripe_fake)
    tajines = order.lines.get(product=tajine)
    first = refund_order(order, lines={tajines: 1}).credit_notes.get()
    second = refund_order(order, lines={tajines: 1}).credit_notes.get()
    last = refund_order(order)  # the plate and the shipping
    assert (first.series, second.sequence) == (second.series, first.sequence + 1)
    assert sorted(note.kind for note in last.credit_notes.all()) == ["platform", "seller"]

    client.force_login(make_user(email="someone-else@example.com"))
    assert client.get(f"/fr/accounts/orders/{order.number}/credit-note/{first.number}/").status_code == 404
