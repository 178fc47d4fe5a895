"""A seller writes a product's texts in French, English and Arabic; shoppers read their language."""

import pytest
from django.utils import translation
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop
from tests.integration.dashboard.forms import post_data

pytestmark = pytest.mark.usefixtures("english")

PRODUCT_FORMS = ("form", "category_formset", "image_formset", "recommended_formset", "stockrecord_formset")


@pytest.mark.django_db
def test_texts_typed_per_language_in_the_dashboard_reach_the_storefront_in_that_language(client):
    # given: a seller's product, written in French only
    shop = make_shop("Dar Nabeul")
    seller = make_seller(shop, email="nabeul-texts@example.com")
    product, _record = product_for_sale("Tajine émaillé", shop=shop, stock=10)
    product.productcategory_set.create(category=create_from_breadcrumbs("Maison > Cuisine"))
    client.force_login(seller)
    url = f"/dashboard/catalogue/products/{product.pk}/"
    # when: the seller adds the English and Arabic texts, a VAT class and keywords
    data = post_data(client.get(url).context, *PRODUCT_FORMS)
    data.update(
        {
            "title_en": "Glazed tagine",
            "title_ar": "طاجين مطلي",
            "description_ar": "<p>صنع يدوي في نابل.</p>",
            "tax_class": "reduced",
            "tags": "cuisine, poterie",
            "action": "continue",
        }
    )
    assert client.post(url, data).status_code == 302
    # then
    product.refresh_from_db()
    assert product.title_fr == "Tajine émaillé"
    assert product.tax_class == "reduced"
    assert sorted(product.tags.names()) == ["cuisine", "poterie"]
    client.logout()
    for language, title in (("fr", "Tajine émaillé"), ("en", "Glazed tagine"), ("ar", "طاجين مطلي")):
        with translation.override(language):
            page = client.get(product.get_absolute_url())
        assert page.status_code == 200
        assert title in page.content.decode()
