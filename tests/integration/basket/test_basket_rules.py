"""The basket's rules (commerce/basket/services.py) hold the same through the storefront's forms and
the REST API: variants go in, their parents and non-public products do not, and no change, added or
edited, takes the basket over its maximum number of items or a line over its seller's stock."""

import pytest
from django.test import override_settings
from oscar.core.loading import get_model

from tests.factories.checkout import sellable, sellable_variant

Product = get_model("catalogue", "Product")


def add_through_api(client, product, quantity=1):
    return client.post("/api/basket/lines/", {"product": product.pk, "quantity": quantity}, format="json")


@pytest.mark.django_db
def test_a_variant_goes_in_the_basket_through_the_api_and_its_parent_does_not(anonymous_client):
    # given
    parent, medium = sellable_variant("Chéchia", "Chéchia taille M", "25.000")
    # when
    refused = add_through_api(anonymous_client, parent)
    added = add_through_api(anonymous_client, medium)
    # then
    assert refused.status_code == 400
    assert added.status_code == 201, added.content
    assert [line["product"] for line in added.json()["lines"]] == [medium.pk]


@pytest.mark.django_db
def test_a_product_that_is_not_public_is_refused_by_the_api(anonymous_client):
    # given: a withdrawn product, and a variant of a withdrawn parent
    withdrawn, _record = sellable("Ancien modèle", "10.000")
    Product.objects.filter(pk=withdrawn.pk).update(is_public=False)
    parent, variant = sellable_variant("Burnous", "Burnous taille L", "80.000")
    Product.objects.filter(pk=parent.pk).update(is_public=False)
    # when
    answers = [add_through_api(anonymous_client, product) for product in (withdrawn, variant)]
    # then
    assert [answer.status_code for answer in answers] == [400, 400]
    assert anonymous_client.get("/api/basket/").json()["lines"] == []


@pytest.mark.django_db
def test_a_variant_of_a_withdrawn_parent_is_refused_by_the_product_page_form(client):
    # given
    parent, variant = sellable_variant("Burnous", "Burnous taille L", "80.000")
    Product.objects.filter(pk=parent.pk).update(is_public=False)
    # when
    client.post(f"/fr/basket/add/{parent.pk}/", {"quantity": 1, "child_id": variant.pk})
    # then
    assert client.get("/api/basket/").json()["lines"] == []


@pytest.mark.django_db
@override_settings(OSCAR_MAX_BASKET_QUANTITY_THRESHOLD=5)
def test_changing_a_line_through_the_api_keeps_the_basket_under_its_maximum(anonymous_client):
    # given: 3 items of a 5-item maximum
    vase, _record = sellable("Vase", "12.000", stock=50)
    line = add_through_api(anonymous_client, vase, 3).json()["lines"][0]
    # when
    over = anonymous_client.patch(f"/api/basket/lines/{line['id']}/", {"quantity": 6}, format="json")
    within = anonymous_client.patch(f"/api/basket/lines/{line['id']}/", {"quantity": 5}, format="json")
    # then
    assert over.status_code == 400
    assert "5" in over.json()["detail"]
    assert within.status_code == 200
    assert within.json()["num_items"] == 5


@pytest.mark.django_db
@override_settings(OSCAR_MAX_BASKET_QUANTITY_THRESHOLD=5)
def test_the_basket_page_form_keeps_the_basket_under_the_same_maximum(client):
    # given: 3 items of a 5-item maximum, added from the product page
    vase, _record = sellable("Vase", "12.000", stock=50)
    client.post(f"/fr/basket/add/{vase.pk}/", {"quantity": 3})
    # when: 3 more asked from the product page
    client.post(f"/fr/basket/add/{vase.pk}/", {"quantity": 3})
    # then
    assert client.get("/api/basket/").json()["num_items"] == 3


@pytest.mark.django_db
def test_changing_a_line_through_the_api_stays_within_its_sellers_stock(anonymous_client):
    # given
    vase, _record = sellable("Vase", "12.000", stock=4)
    line = add_through_api(anonymous_client, vase, 2).json()["lines"][0]
    # when
    response = anonymous_client.patch(f"/api/basket/lines/{line['id']}/", {"quantity": 5}, format="json")
    # then
    assert response.status_code == 400
    assert anonymous_client.get("/api/basket/").json()["num_items"] == 2
