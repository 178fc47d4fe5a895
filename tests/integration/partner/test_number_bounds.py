"""Numbers a seller types or imports are bounded by what their database column holds: a level of
10^23 or 3,000,000,000 units gets a translated message, not a 500 (PostgreSQL ``integer`` stops at
2,147,483,647)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_class, get_model
from oscar.test.factories import ProductAttributeFactory, ProductClassFactory

from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop

pytestmark = pytest.mark.usefixtures("english")

StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")
ProductForm = get_class("dashboard.catalogue.forms", "ProductForm")
SetProductPriceForm = get_class("dashboard.catalogue.forms", "SetProductPriceForm")

TOO_LARGE = ["100000000000000000000000", "3000000000"]
BOUND_MESSAGE = "2147483647"  # in Django's translated "at most" message, in any language


@pytest.fixture
def seller_and_record(db):
    shop = make_shop("Dar Nabeul")
    _product, record = product_for_sale("Tajine émaillé", shop=shop, stock=10, sku="DN-001", price="45.000")
    return make_seller(shop, "leila@example.com"), record


@pytest.mark.django_db
@pytest.mark.parametrize("level", TOO_LARGE)
def test_a_stock_level_beyond_the_column_is_refused_in_the_bulk_edit(client, seller_and_record, level):
    # given: a seller on the bulk stock page
    seller, record = seller_and_record
    client.force_login(seller)
    client.get("/dashboard/shop/stock/")

    # when: the seller types a level larger than the column holds
    response = client.post("/dashboard/shop/stock/", {f"level-{record.pk}": level, f"seen-{record.pk}": "10"})

    # then: the page says so and nothing changed
    assert response.status_code == 200
    assert BOUND_MESSAGE in str(response.context["form"].errors[f"level-{record.pk}"])
    assert StockRecord.objects.get(pk=record.pk).num_in_stock == 10


@pytest.mark.django_db
@pytest.mark.parametrize("level", TOO_LARGE)
def test_a_stock_level_beyond_the_column_is_refused_in_the_csv_import(client, seller_and_record, level):
    # given
    seller, record = seller_and_record
    client.force_login(seller)
    text = f"partner_sku,num_in_stock\nDN-001,{level}\n"

    # when
    response = client.post(
        "/dashboard/shop/stock/import/",
        {"file": SimpleUploadedFile("stock.csv", text.encode(), content_type="text/csv")},
    )

    # then: line 2 is reported with the bound, nothing imported
    assert response.status_code == 200
    assert [(line, BOUND_MESSAGE in message) for line, message in response.context["import_errors"]] == [
        (2, True)
    ]
    assert StockRecord.objects.get(pk=record.pk).num_in_stock == 10


@pytest.mark.django_db
@pytest.mark.parametrize("value", TOO_LARGE)
def test_an_integer_attribute_beyond_the_column_is_refused_on_the_product_form(value):
    # given: a product class with a whole-number attribute
    product_class = ProductClassFactory(name="Tapis")
    ProductAttributeFactory(product_class=product_class, type="integer", code="knots", name="Knots")

    # when
    data = {"title_fr": "Tapis", "structure": "standalone", "attr_knots": value}
    form = ProductForm(product_class, data=data)

    # then
    assert not form.is_valid()
    assert BOUND_MESSAGE in str(form.errors["attr_knots"])


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["new_price", "increase_by_amount"])
def test_a_bulk_price_beyond_the_price_column_is_refused(field):
    # given: a product the bulk action may change
    product, _record = product_for_sale(
        "Tajine", shop=make_shop("Dar Nabeul"), stock=1, sku="DN-9", price="45.000"
    )

    # when: an amount with more digits than a price holds
    form = SetProductPriceForm(
        data={"selected_products": [product.pk], field: "100000000000000000000000"},
        products_queryset=Product.objects.all(),
    )

    # then
    assert not form.is_valid()
    assert field in form.errors
