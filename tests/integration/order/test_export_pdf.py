"""The seller's orders PDF export fits its pages, in French and in Arabic (right to left)."""

from decimal import Decimal

import pytest

from tests.pdf import pdf_text, text_beyond_right_edge

pytest.importorskip("weasyprint")

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "last_columns"),
    [("fr", ("Part nette du vendeur", "Boutique")), ("ar", ("حصة البائع الصافية", "المتجر"))],
)
def test_the_orders_pdf_fits_the_page(client, two_shop_order, language, last_columns):
    # given: long unbreakable words and large amounts, as real orders have
    o = two_shop_order
    o.order.guest_email = "une-adresse-tres-longue.pour-tester@exemple-de-domaine.example"
    o.order.save()
    address = o.order.shipping_address
    address.first_name, address.last_name = "Mohamed-Aziz-Abdelkarim", "Ben-Abdallah-El-Mansouri-Trabelsi"
    address.line4 = "Sidi-Bou-Said-La-Marsa-Gammarth-Supérieur"
    address.save()
    o.order.lines.filter(pk=o.line_b.pk).update(
        title="Foulard-en-soie-naturelle-tissé-main-motifs-berbères-traditionnels",
        unit_price_incl_tax=Decimal("617283.945"),
        line_price_incl_tax=Decimal("1234567.890"),
        line_price_excl_tax=Decimal("1037452.008"),
        commission_amount=Decimal("246913.578"),
    )
    client.force_login(o.seller_b)
    response = client.get("/dashboard/orders/?response_format=pdf", HTTP_ACCEPT_LANGUAGE=language)
    assert response["Content-Type"] == "application/pdf"
    assert text_beyond_right_edge(response.content) == []
    compact = "".join(pdf_text(response.content).split())
    for column in last_columns:
        assert "".join(column.split()) in compact
    assert "JB-FOU" in compact
