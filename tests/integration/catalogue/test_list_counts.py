"""The lists' product counts are remembered, yet follow every publication and category change."""

import re

import pytest
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from tests.factories.catalogue import product_for_sale

COUNT = re.compile(r'class="page-heading__meta">(\d+) produit')


def shown_count(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return int(COUNT.search(response.content.decode()).group(1))


@pytest.mark.django_db
def test_the_catalogue_count_follows_publication(client):
    products = [product_for_sale(f"Bol {number}", "9.900")[0] for number in range(3)]
    assert shown_count(client, "/fr/catalogue/") == 3
    # when: one is unpublished, another added
    products[0].is_public = False
    products[0].save()
    assert shown_count(client, "/fr/catalogue/") == 2
    product_for_sale("Bol 4", "9.900")
    assert shown_count(client, "/fr/catalogue/") == 3
    # when: one is deleted
    products[1].delete()
    assert shown_count(client, "/fr/catalogue/") == 2


@pytest.mark.django_db
def test_a_category_count_follows_its_products(client):
    kitchen = create_from_breadcrumbs("Maison > Cuisine")
    bowl, _ = product_for_sale("Bol", "9.900")
    plate, _ = product_for_sale("Assiette", "12.000")
    bowl.productcategory_set.create(category=kitchen)
    url = kitchen.get_absolute_url()
    assert shown_count(client, url) == 1
    plate.productcategory_set.create(category=kitchen)
    assert shown_count(client, url) == 2
    bowl.productcategory_set.all().delete()
    assert shown_count(client, url) == 1
