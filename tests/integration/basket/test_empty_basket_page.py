"""The basket page of a visitor who never added anything."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_new_visitor_sees_an_empty_basket_page(client):
    response = client.get(reverse("basket:summary"), HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200
    assert not response.context["formset"].forms
