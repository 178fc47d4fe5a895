"""Tax codes travel with the line: the pricing strategy sets them, basket and order lines keep them,
invoices and credit notes read them, so changing a product's VAT class later changes no document."""

from decimal import Decimal

from oscar.core.loading import get_model

from commerce.invoices.services import issue_invoices
from commerce.payment.refunds import refund_order
from tests.factories.checkout import basket_with
from tests.factories.stripe import pay, place_card_order

Product = get_model("catalogue", "Product")


def rates(document):
    return [Decimal(line["vat_rate"]) for line in document.lines]


def test_a_vat_class_changed_after_the_order_changes_neither_invoice_nor_credit_notes(
    client, stripe_fake, customer, tajine, plate
):
    # Given an order of a standard-rate tajine, paid
    order = pay(place_card_order([(tajine, 1), (plate, 1)], user=customer), client, stripe_fake)
    line = order.lines.get(product=tajine)
    assert line.tax_code == "standard" and {price.tax_code for price in line.prices.all()} == {"standard"}
    assert order.shipping_tax_code == "standard"

    # When the product's VAT class changes to the reduced rate
    Product.objects.filter(pk=tajine.pk).update(tax_class=Product.REDUCED)

    # Then its invoice, issued after the change, and its credit note keep the rate it was sold at
    invoice = next(i for i in issue_invoices(order) if i.partner.name == "Dar Fakhar")
    assert rates(invoice) == [Decimal("0.19")]
    refund = refund_order(order, lines=[line])
    (note,) = refund.credit_notes.all()
    assert rates(note) == [Decimal("0.19")]
    assert note.vat_breakdown == [(Decimal("0.19"), Decimal("41.937"), Decimal("7.968"))]


def test_an_order_line_is_sold_at_the_vat_class_it_was_priced_at(customer, tajine):
    basket = basket_with((tajine, 1), owner=customer)
    assert basket.all_lines()[0].tax_code == "standard"
    Product.objects.filter(pk=tajine.pk).update(tax_class=Product.REDUCED)

    order = place_card_order([(Product.objects.get(pk=tajine.pk), 1)], user=customer)

    line = order.lines.get()
    assert line.tax_code == "reduced"
    assert line.line_price_incl_tax - line.line_price_excl_tax == Decimal("3.265")  # 7 % of 49.905 TTC
