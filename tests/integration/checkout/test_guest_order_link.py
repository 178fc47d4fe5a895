"""A guest's order opens from the signed link of its confirmation, and from nothing else."""

import pytest

from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import order_of


def link(order, language="fr", signature=None):
    return f"/{language}/accounts/order-status/{order.number}/{signature or order.verification_hash()}/"


@pytest.mark.django_db
def test_the_signed_link_opens_the_guests_order_in_the_language_of_the_link(client):
    # given: a guest's order, in a browser that never saw it (no email typed, no session)
    tajine, _ = product_for_sale("Tajine émaillé", "45.000")
    order = order_of((tajine, 2))
    # when
    response = client.get(link(order, "ar"))
    # then: the order itself, in Arabic, with no form asking for the email
    assert response.status_code == 200
    assert response.context["order"] == order
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "Tajine émaillé" in html and 'name="email"' not in html


@pytest.mark.django_db
def test_a_tampered_link_or_a_members_order_is_not_found(client):
    tajine, _ = product_for_sale("Tajine émaillé", "45.000")
    order = order_of((tajine, 1))
    other = order_of((tajine, 1))
    member_order = order_of((tajine, 1))
    member_order.user = make_user(email="layla@example.com")
    member_order.save()
    assert client.get(link(order, signature=other.verification_hash())).status_code == 404
    assert client.get(link(order, signature=f"{order.number}:forged")).status_code == 404
    assert client.get(link(member_order)).status_code == 404
