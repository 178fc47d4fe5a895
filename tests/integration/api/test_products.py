"""The API's catalogue shows what the basket sells: a withdrawn variant is neither listed nor its
seller named."""

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import create_product, create_stockrecord

from tests.factories.checkout import physical_class, sellable_variant

Product = get_model("catalogue", "Product")


@pytest.mark.django_db
def test_a_withdrawn_variant_is_not_listed_among_its_products_variants(anonymous_client):
    # given: a chechia in size M (on sale) and size L (withdrawn, from another seller)
    parent, medium = sellable_variant("Chéchia", "Chéchia taille M", "25.000", seller="Dar Fakhar")
    large = create_product(
        title="Chéchia taille L", product_class=physical_class(), structure="child", parent=parent
    )
    create_stockrecord(large, price="27.000", num_in_stock=5, partner_name="Jebba & Co")
    Product.objects.filter(pk=large.pk).update(is_public=False)
    # when
    detail = anonymous_client.get(f"/api/products/{parent.pk}/").json()
    # then
    assert [variant["id"] for variant in detail["variants"]] == [medium.pk]
    assert detail["sellers"] == ["Dar Fakhar"]
