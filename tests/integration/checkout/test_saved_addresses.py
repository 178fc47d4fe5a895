"""A signed-in shopper's checkout offers their saved addresses and phone; a typed address is saved."""

import pytest
from oscar.core.loading import get_model

from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia

UserAddress = get_model("address", "UserAddress")
Order = get_model("order", "Order")

CHECKOUT = "/fr/checkout/"


@pytest.fixture
def shopper(db, client):
    ensure_tunisia()
    user = make_user("nadia@example.com", first_name="Nadia", last_name="Trabelsi")
    client.force_login(user)
    product, _ = product_for_sale("Tajine émaillé", "45.000")
    client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 1})
    return user


def saved(user, **fields):
    return UserAddress.objects.create(
        user=user, first_name="Nadia", last_name="Trabelsi", country_id="TN", **fields
    )


def checkout(client, **fields):
    data = {
        "first_name": "Nadia",
        "last_name": "Trabelsi",
        "email": "nadia@example.com",
        "payment_method": "cod",
    }
    return client.post(CHECKOUT, {**data, **fields})


def test_the_checkout_offers_the_saved_addresses_default_first_and_the_phone(client, shopper):
    saved(shopper, line1="3 rue d'Alger", line4="Sfax", postcode="3000")
    home = saved(
        shopper,
        line1="12 rue de Marseille",
        line4="Tunis",
        postcode="1001",
        phone_number="+21620123456",
        is_default_for_shipping=True,
    )
    page = client.get(CHECKOUT).content.decode()
    assert "12 rue de Marseille" in page and "3 rue d&#x27;Alger" in page
    assert f'value="{home.pk}" id="id_saved_address_0" checked' in page  # the default, first and chosen
    assert 'name="phone" value="20 123 456"' in page
    assert "Une nouvelle adresse" in page
    # when: the shopper keeps the default address and only gives the phone
    response = checkout(client, saved_address=home.pk, phone="+21620123456")
    assert response.status_code == 302
    order = Order.objects.get(user=shopper)
    assert (order.shipping_address.line1, order.shipping_address.line4) == ("12 rue de Marseille", "Tunis")


def test_a_new_address_must_be_filled_in_and_is_saved_for_next_time(client, shopper):
    saved(shopper, line1="3 rue d'Alger", line4="Sfax")
    # when: "a new address" is chosen but left empty, nothing is ordered
    response = checkout(client, saved_address="", phone="+21620123456")
    assert response.status_code == 200
    assert not Order.objects.exists()
    # when: it is filled in, the order goes there and the address book keeps it
    response = checkout(
        client, saved_address="", phone="+21620123456", line1="7 avenue Habib Bourguiba", city="Nabeul"
    )
    assert response.status_code == 302
    assert Order.objects.get().shipping_address.line4 == "Nabeul"
    assert shopper.addresses.filter(line1="7 avenue Habib Bourguiba", line4="Nabeul").exists()


def test_a_first_order_fills_the_address_book_and_the_next_checkout_offers_address_and_phone(client, shopper):
    checkout(client, phone="+21698765432", line1="5 rue de Rome", city="Bizerte")
    client.post(f"/fr/basket/add/{product_for_sale('Kilim', '90.000')[0].pk}/", {"quantity": 1})
    page = client.get(CHECKOUT).content.decode()
    assert "5 rue de Rome" in page
    assert 'name="phone" value="98 765 432"' in page
