"""A seller's catalogue: products with variants built in the dashboard, and products that stay the
seller's without stock records."""

from decimal import Decimal

import pytest
from django.utils import translation
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia, guest_form
from tests.factories.sellers import make_seller, make_shop
from tests.integration.dashboard.forms import post_data
from tests.integration.dashboard.urls import reached

pytestmark = pytest.mark.usefixtures("english")

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
Order = get_model("order", "Order")

PRODUCT_FORMS = ("form", "category_formset", "image_formset", "recommended_formset", "stockrecord_formset")
LIST = "/dashboard/catalogue/"


@pytest.fixture
def clothing(db):
    """A product class whose variants differ by size (an option attribute)."""
    product_class = ProductClass.objects.create(name="Vêtements", slug="vetements", track_stock=True)
    sizes = AttributeOptionGroup.objects.create(name="Tailles")
    for size in ("M", "L"):
        sizes.options.create(option=size)
    ProductAttribute.objects.create(
        product_class=product_class, name="Taille", code="taille", type="option", option_group=sizes
    )
    return product_class


def _variant_data(page, parent, size, sku, price, stock):
    data = post_data(page.context, *PRODUCT_FORMS)
    prefix = page.context["stockrecord_formset"].prefix
    options = parent.get_product_class().attributes.get(code="taille").option_group.options.all()
    option = next(option for option in options if option.option == size)
    data.update(
        {
            "attr_taille": str(option.pk),
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-partner": str(parent.partner_id),
            f"{prefix}-0-partner_sku": sku,
            f"{prefix}-0-price_currency": "TND",
            f"{prefix}-0-price": price,
            f"{prefix}-0-num_in_stock": str(stock),
        }
    )
    return data


@pytest.mark.django_db
def test_a_seller_creates_a_parent_with_two_variants_and_a_shopper_buys_one(client, seller, clothing):
    # given: a seller on the new-product page, with no stock record typed for the parent
    category = create_from_breadcrumbs("Mode > Jebbas")
    client.force_login(seller)
    page = client.get(f"/dashboard/catalogue/products/create/{clothing.slug}/")
    assert page.status_code == 200
    data = post_data(page.context, *PRODUCT_FORMS)
    categories = page.context["category_formset"].prefix
    data.update(
        {
            "title_fr": "Jebba brodée",
            "description_fr": "<p>Brodée main.</p>",
            f"{categories}-TOTAL_FORMS": "1",
            f"{categories}-0-category": str(category.pk),
            "is_public": "on",
            "action": "create-child",
        }
    )
    # when: "Add variant", then two variants each with its own SKU, price and stock
    saved = client.post(page.request["PATH_INFO"], data)
    parent = Product.objects.get(title_fr="Jebba brodée")
    assert saved.status_code == 302
    assert saved["Location"] == f"/dashboard/catalogue/products/{parent.pk}/create-variant/"
    first_page = client.get(saved["Location"])
    first = client.post(
        saved["Location"],
        {
            **_variant_data(first_page, parent, "M", "JS-JEB-M", "120.000", 4),
            "action": "create-another-child",
        },
    )
    assert first.status_code == 302
    assert first["Location"] == saved["Location"]
    second = client.post(
        saved["Location"],
        {
            **_variant_data(client.get(saved["Location"]), parent, "L", "JS-JEB-L", "125.500", 2),
            "action": "save",
        },
    )
    assert second.status_code == 302
    # then: a parent without stock records, its variants stocked by the seller's shop
    parent.refresh_from_db()
    assert parent.structure == Product.PARENT
    assert parent.partner.name == "Dar Nabeul"
    assert not parent.stockrecords.exists()
    variants = {child.attr.taille.option: child for child in parent.children.all()}
    assert sorted(variants) == ["L", "M"]
    assert [(r.partner_sku, r.price, r.num_in_stock) for r in variants["L"].stockrecords.all()] == [
        ("JS-JEB-L", Decimal("125.500"), 2)
    ]
    assert all(child.partner_id == parent.partner_id for child in variants.values())
    # and the seller sees and edits them from the parent's page
    assert parent.pk in [row.pk for row in client.get(LIST).context["object_list"]]
    parent_page = client.get(f"/dashboard/catalogue/products/{parent.pk}/").content.decode()
    assert "JS-JEB-M" in parent_page and "JS-JEB-L" in parent_page
    assert f"/dashboard/catalogue/products/{variants['L'].pk}/" in parent_page
    assert client.get(f"/dashboard/catalogue/products/{variants['L'].pk}/").status_code == 200
    # when: a shopper buys size L through the product page and the checkout
    client.logout()
    ensure_tunisia()
    client.post(f"/fr/basket/add/{parent.pk}/", {"quantity": 1, "child_id": variants["L"].pk})
    placed = client.post("/fr/checkout/", guest_form())
    # then
    assert placed.status_code == 302
    order = Order.objects.get()
    line = order.lines.get()
    assert (line.product, line.partner_sku, line.partner_id) == (variants["L"], "JS-JEB-L", parent.partner_id)
    assert line.line_price_incl_tax == Decimal("125.500")
    assert variants["L"].stockrecords.get().num_allocated == 1


@pytest.mark.django_db
def test_a_product_with_stock_records_cannot_become_a_parent_and_nothing_is_saved(client, seller, clothing):
    # given
    product, _record = product_for_sale("Jebba simple", shop=seller.partners.get(), product_class=clothing)
    product.partner = seller.partners.get()
    product.save()
    product.productcategory_set.create(category=create_from_breadcrumbs("Mode > Jebbas"))
    client.force_login(seller)
    url = f"/dashboard/catalogue/products/{product.pk}/"
    data = {**post_data(client.get(url).context, *PRODUCT_FORMS), "action": "create-child"}
    # when
    page = client.post(url, data)
    # then
    assert page.status_code == 200
    assert "sold through its variants" in page.content.decode()
    product.refresh_from_db()
    assert product.structure == Product.STANDALONE


@pytest.mark.django_db
def test_deleting_the_only_stock_record_keeps_the_product_the_sellers(client, seller):
    # given: a seller's product with one stock record
    shop = seller.partners.get()
    product, record = product_for_sale("Chéchia rouge", shop=shop, stock=3)
    product.productcategory_set.create(category=create_from_breadcrumbs("Mode > Chéchias"))
    client.force_login(seller)
    url = f"/dashboard/catalogue/products/{product.pk}/"
    data = post_data(client.get(url).context, *PRODUCT_FORMS)
    prefix = client.get(url).context["stockrecord_formset"].prefix
    # when: the seller deletes it from the product page
    data.update({f"{prefix}-0-DELETE": "on", "action": "continue"})
    assert client.post(url, data).status_code == 302
    # then: no stock record, still the seller's product, in its list, its page working
    product.refresh_from_db()
    assert not product.stockrecords.exists()
    assert product.partner == shop
    assert client.get(url).status_code == 200
    assert product.pk in [row.pk for row in client.get(LIST).context["object_list"]]
    assert client.get("/dashboard/").context["total_products"] == 1
    # and another shop's seller still cannot reach it
    other = make_seller(make_shop("Jebba Secrète"), email="mehdi@jebba.example")
    client.force_login(other)
    assert reached(client, url).status_code == 404


@pytest.mark.django_db
def test_arabic_fields_of_the_product_editor_and_the_shop_profile_are_right_to_left(client, seller):
    # given
    product, _record = product_for_sale("Tajine", shop=seller.partners.get(), stock=3)
    client.force_login(seller)
    # when
    editor = client.get(f"/dashboard/catalogue/products/{product.pk}/").context["form"]
    profile = client.get("/dashboard/shop/profile/").context["form"]
    # then
    for form, names in ((editor, ("title", "description", "meta_title")), (profile, ("description",))):
        for name in names:
            assert form.fields[f"{name}_ar"].widget.attrs.get("dir") == "rtl"
            assert form.fields[f"{name}_fr"].widget.attrs.get("dir") == "ltr"
    assert 'dir="rtl"' in str(profile["description_ar"])


@pytest.mark.django_db
def test_the_shop_description_is_written_per_language_and_read_in_the_shoppers(client, seller):
    # given: a seller writes its description in French and Arabic on the profile page
    shop = seller.partners.get()
    client.force_login(seller)
    data = post_data(client.get("/dashboard/shop/profile/").context, "form")
    data.update({"description_fr": "Jebbas brodées à la main.", "description_ar": "جبب مطرزة يدويا."})
    assert client.post("/dashboard/shop/profile/", data).status_code == 302
    client.logout()
    # when / then: each shopper reads its language (English falls back to French)
    for language, text in (("fr", "Jebbas brodées"), ("ar", "جبب مطرزة"), ("en", "Jebbas brodées")):
        page = client.get(f"/{language}/shops/{shop.slug}/")
        assert page.status_code == 200
        assert text in page.content.decode()


@pytest.mark.django_db
def test_a_sellers_html_description_is_shown_without_its_scripts(client, seller):
    # given
    product, _record = product_for_sale("Tajine", shop=seller.partners.get(), stock=3)
    product.description_fr = '<p onclick="steal()">Fait main <b>à Nabeul</b></p><script>steal()</script>'
    product.save()
    with translation.override("fr"):
        url = product.get_absolute_url()
    # when
    page = client.get(url).content.decode()
    # then
    assert "<b>à Nabeul</b>" in page
    assert "<script>steal()" not in page
    assert 'onclick="steal()"' not in page
