"""Products for sale: the one product builder of the tests, and the product classes it uses."""

from decimal import Decimal
from itertools import count

from oscar.core.loading import get_model
from oscar.test.factories import create_product

Partner = get_model("partner", "Partner")
ProductClass = get_model("catalogue", "ProductClass")

_skus = count(1)


def physical_class():
    return ProductClass.objects.get_or_create(
        slug="physical", defaults={"name": "Physical", "track_stock": True, "requires_shipping": True}
    )[0]


def digital_class():
    return ProductClass.objects.get_or_create(
        slug="digital", defaults={"name": "Digital", "track_stock": False, "requires_shipping": False}
    )[0]


def product_for_sale(
    title="Tajine en terre cuite",
    price="10.000",
    *,
    shop="Dar Fakhar",
    stock=10,
    sku=None,
    threshold=None,
    public=True,
    product_class=None,
):
    """A standalone product with one stock record; returns ``(product, stockrecord)``.

    ``shop`` is a Partner, or the name of one (made on first use); ``price`` is VAT-inclusive TND;
    ``stock`` None leaves the stock untracked; ``threshold`` is the record's own low-stock threshold.
    """
    if isinstance(shop, str):
        shop = Partner.objects.get_or_create(name=shop)[0]
    product = create_product(title=title, product_class=product_class or physical_class(), is_public=public)
    record = product.stockrecords.create(
        partner=shop,
        partner_sku=sku or f"{shop.slug[:6].upper()}-{next(_skus):04d}",
        price=Decimal(price),
        num_in_stock=stock,
        low_stock_threshold=threshold,
    )
    return product, record
