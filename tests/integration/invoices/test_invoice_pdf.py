"""The invoice PDF, read back as text: number, seller, lines, VAT and totals to the millime."""

import unicodedata

import pytest

from commerce.invoices import services
from commerce.invoices.rendering import invoice_html
from tests.integration.invoices.conftest import Order, make_order
from tests.pdf import pdf_text


def normalized(text):
    """Arabic comes back as contextual glyph forms: compare base letters, with plain spaces."""
    text = unicodedata.normalize("NFKC", text)
    for mark in ("\u200e", "\u200f", "\u061c", "\u2066", "\u2067", "\u2068", "\u2069"):
        text = text.replace(mark, "")
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture
def save_pdf(artifacts_dir):
    def save(name, content):
        (artifacts_dir / name).write_bytes(content)

    return save


@pytest.mark.django_db
def test_french_invoice_shows_number_seller_lines_vat_and_totals(sellers, save_pdf):
    # given: a paid card order of two tajines at 119.000 TND each, 19 % VAT included
    order = make_order([(sellers["nabeul"], "Tajine en terre cuite", "119.000", 2)], language="fr")
    # when
    [invoice] = services.issue_invoices(order)
    content = services.pdf_bytes(invoice)
    save_pdf("invoice-fr.pdf", content)
    text = normalized(pdf_text(content))
    # then
    assert content.startswith(b"%PDF")
    assert invoice.number in text
    assert "Dar Nabeul" in text
    assert "Tajine en terre cuite" in text
    assert "Facture" in text and "Total TTC" in text
    assert "19 %" in text  # VAT rate
    assert "100,000 TND" in text  # unit price excl. tax
    assert "38,000 TND" in text  # VAT of the two tajines
    assert "200,000 TND" in text  # total excl. tax
    assert "238,000 TND" in text  # total incl. tax
    assert "Paiement par carte" in text


@pytest.mark.django_db
def test_cash_on_delivery_invoice_says_it_is_paid_on_delivery(sellers):
    order = make_order(
        [(sellers["jebba"], "Chéchia rouge", "119.000", 1)],
        payment_method=Order.CASH_ON_DELIVERY,
        paid=False,
        language="fr",
    )
    [invoice] = services.issue_invoices(order)
    text = normalized(pdf_text(services.pdf_bytes(invoice)))
    assert "À payer à la livraison : 119,000 TND" in text


@pytest.mark.django_db
def test_arabic_invoice_is_right_to_left_with_arabic_labels(sellers, save_pdf):
    # given
    order = make_order(
        [(sellers["nabeul"], "Tajine en terre cuite", "119.000", 1)], language="ar", shipping="7.000"
    )
    # when
    invoices = services.issue_invoices(order)
    seller_invoice = next(invoice for invoice in invoices if invoice.partner_id)
    content = services.pdf_bytes(seller_invoice)
    save_pdf("invoice-ar.pdf", content)
    html = invoice_html(seller_invoice)
    text = normalized(pdf_text(content))
    # then
    assert 'dir="rtl"' in html
    assert seller_invoice.number in text
    assert "Dar Nabeul" in text
    assert "119.000" in text
    for label in ("فاتورة", "البائع", "الدفع بالبطاقة"):
        assert label in text or label[::-1] in text, label


@pytest.mark.django_db
def test_english_invoice_and_platform_invoice_for_shipping(sellers):
    # given: two sellers and a shipping charge
    order = make_order(
        [(sellers["nabeul"], "Tajine", "119.000", 1), (sellers["jebba"], "Chechia", "59.500", 2)],
        language="en",
        shipping="7.140",
    )
    # when
    invoices = services.issue_invoices(order)
    # then: one invoice per seller plus the platform's, adding up to the order total
    assert [invoice.kind for invoice in invoices] == ["seller", "seller", "platform"]
    assert sum(invoice.total_incl_tax for invoice in invoices) == order.total_incl_tax
    platform = invoices[-1]
    text = normalized(pdf_text(services.pdf_bytes(platform)))
    assert "Shipping" in text
    assert "TND7.140" in text
    assert "TND1.140" in text  # 19 % VAT of 6.000


@pytest.mark.django_db
def test_missing_pdf_is_rendered_again_on_demand(sellers):
    # given: an invoice whose stored file has been lost
    order = make_order([(sellers["nabeul"], "Tajine", "119.000", 1)])
    [invoice] = services.issue_invoices(order)
    first = services.ensure_pdf(invoice)
    first.storage.delete(first.name)
    # when
    again = services.ensure_pdf(invoice)
    # then
    assert again.storage.exists(again.name)
    assert invoice.number in normalized(pdf_text(services.pdf_bytes(invoice)))
