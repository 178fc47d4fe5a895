"""The cached header categories and breadcrumbs follow every category change on the next request."""

import pytest
from django.utils import translation
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from tests.factories.catalogue import product_for_sale


@pytest.mark.django_db
def test_renamed_category_shows_in_the_header_and_the_breadcrumb_at_once(client):
    # given: a product in Maison > Cuisine, pages already rendered (caches filled)
    product, _ = product_for_sale("Tajine émaillé", "45.000")
    leaf = create_from_breadcrumbs("Maison > Cuisine")
    product.productcategory_set.create(category=leaf)
    with translation.override("fr"):
        url = product.get_absolute_url()
    first = client.get(url).content.decode()
    assert "Cuisine" in first and "Maison" in first
    # when: the categories are renamed
    top = leaf.get_parent()
    top.name = "Art de vivre"
    top.save()
    leaf.name = "Arts de la table"
    leaf.save()
    # then
    page = client.get(url).content.decode()
    assert "Art de vivre" in page
    assert "Arts de la table" in page
    assert ">Cuisine<" not in page


@pytest.mark.django_db
def test_the_catalogue_sidebar_lists_new_categories_at_once(client):
    product_for_sale("Bol", "9.900")
    assert "Luminaires" not in client.get("/fr/catalogue/").content.decode()
    create_from_breadcrumbs("Maison > Luminaires")
    assert "Luminaires" in client.get("/fr/catalogue/").content.decode()
