"""The basket's rules (commerce/basket/services.py) hold the same through the storefront's forms and
the REST API: variants go in, their parents and non-public products do not, and no change, added or
edited, takes the basket over its maximum number of items or a line over its seller's stock."""

import pytest
from django.test import override_settings
from oscar.core.loading import get_class, get_model

from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import basket_with, sellable_variant

Product = get_model("catalogue", "Product")
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")
SavedLineForm = get_class("basket.forms", "SavedLineForm")  # what the basket page uses


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
    withdrawn, _record = product_for_sale("Ancien modèle", "10.000")
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
    vase, _record = product_for_sale("Vase", "12.000", stock=50)
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
    vase, _record = product_for_sale("Vase", "12.000", stock=50)
    client.post(f"/fr/basket/add/{vase.pk}/", {"quantity": 3})
    # when: 3 more asked from the product page
    client.post(f"/fr/basket/add/{vase.pk}/", {"quantity": 3})
    # then
    assert client.get("/api/basket/").json()["num_items"] == 3


@pytest.mark.django_db
def test_changing_a_line_through_the_api_stays_within_its_sellers_stock(anonymous_client):
    # given
    vase, _record = product_for_sale("Vase", "12.000", stock=4)
    line = add_through_api(anonymous_client, vase, 2).json()["lines"][0]
    # when
    response = anonymous_client.patch(f"/api/basket/lines/{line['id']}/", {"quantity": 5}, format="json")
    # then
    assert response.status_code == 400
    assert anonymous_client.get("/api/basket/").json()["num_items"] == 2


@pytest.mark.django_db
def test_a_line_saved_for_later_does_not_go_back_once_its_product_is_withdrawn():
    # given: a shopper's vase saved for later, then withdrawn from sale
    shopper = make_user(email="saver@example.com")
    vase, _record = product_for_sale("Vase", "12.000")
    saved = Basket.saved.create(owner=shopper)
    saved.strategy = Selector().strategy(user=shopper)
    line, _created = saved.add_product(vase, 1)
    Product.objects.filter(pk=vase.pk).update(is_public=False)
    line.product.refresh_from_db()
    basket = basket_with(owner=shopper)
    # when
    form = SavedLineForm(basket.strategy, basket, data={"id": line.pk, "move_to_basket": "on"}, instance=line)
    # then
    assert not form.is_valid()
    assert "Ce produit n'est pas en vente." in form.non_field_errors()
