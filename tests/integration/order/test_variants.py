"""The chosen variant (size, colour) is named wherever the order is: confirmation email, thank-you
page, order pages, invoice, seller's page (tested in test_shipping.py) — not just its SKU."""

import pytest
from django.core import mail
from django.utils import translation
from oscar.core.loading import get_model

from commerce.invoices.services import issue_invoices
from commerce.order import emails
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_shop, order_of

ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

pytestmark = pytest.mark.django_db


@pytest.fixture
def variant_order(db):
    shop = make_shop("Dar Nabeul")
    shirt, _ = product_for_sale("Chemise en lin", shop=shop, price="60.000", sku="DN-CHEM-M-BL")
    parent = type(shirt).objects.create(
        title="Chemise en lin", structure="parent", product_class=shirt.product_class
    )
    shirt.parent, shirt.structure, shirt.title = parent, "child", ""
    shirt.save()
    for code, name, value in (("size", "Taille", "M"), ("colour", "Couleur", "Bleu")):
        attribute = ProductAttribute.objects.create(
            product_class=shirt.product_class, name=name, code=code, type="text"
        )
        ProductAttributeValue.objects.create(product=shirt, attribute=attribute, value_text=value)
    return order_of((shirt, 1), email="amira@example.com")


def test_the_confirmation_email_names_the_variant(variant_order):
    emails.send_order_email(variant_order, emails.ORDER_PLACED)
    [message] = mail.outbox
    assert "Couleur : Bleu, Taille : M" in message.body
    assert "Couleur : Bleu, Taille : M" in message.alternatives[0][0]


def test_the_thank_you_page_and_the_order_page_name_the_variant(client, variant_order):
    session = client.session
    session["checkout_order_id"] = variant_order.pk
    session.save()
    assert "Couleur : Bleu, Taille : M" in client.get("/fr/checkout/thank-you/").content.decode()
    link = f"/fr/accounts/order-status/{variant_order.number}/{variant_order.verification_hash()}/"
    assert "Couleur : Bleu, Taille : M" in client.get(link).content.decode()


def test_the_invoice_names_the_variant_in_the_orders_language(variant_order):
    variant_order.language = "ar"
    variant_order.save()
    with translation.override("fr"):
        [invoice] = [invoice for invoice in issue_invoices(variant_order) if invoice.partner_id]
    assert "Couleur: Bleu، Taille: M" in invoice.lines[0]["description"]
