"""The API's catalogue shows what the basket sells: a withdrawn variant is neither listed, nor its
seller named, nor found by the filters."""

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import create_product, create_stockrecord

from tests.factories.catalogue import physical_class
from tests.factories.checkout import sellable_variant

Product = get_model("catalogue", "Product")


@pytest.fixture
def chechia(db):
    """A chechia in size M from Dar Fakhar (on sale) and in size L from Jebba & Co, at 27.000
    (withdrawn): ``(parent, medium, large's stock record)``."""
    parent, medium = sellable_variant("Chéchia", "Chéchia taille M", "25.000", seller="Dar Fakhar")
    large = create_product(
        title="Chéchia taille L", product_class=physical_class(), structure="child", parent=parent
    )
    record = create_stockrecord(large, price="27.000", num_in_stock=5, partner_name="Jebba & Co")
    Product.objects.filter(pk=large.pk).update(is_public=False)
    return parent, medium, record


def test_a_withdrawn_variant_is_not_listed_among_its_products_variants(anonymous_client, chechia):
    # given
    parent, medium, _large = chechia
    # when
    detail = anonymous_client.get(f"/api/products/{parent.pk}/").json()
    # then
    assert [variant["id"] for variant in detail["variants"]] == [medium.pk]
    assert detail["sellers"] == ["Dar Fakhar"]


def test_filters_do_not_find_a_product_by_its_withdrawn_variant(anonymous_client, chechia):
    # given
    _parent, _medium, large = chechia
    # when
    by_seller = anonymous_client.get("/api/products/", {"seller": large.partner.code}).json()
    by_price = anonymous_client.get("/api/products/", {"min_price": "26"}).json()
    # then
    assert by_seller["results"] == by_price["results"] == []
