"""After the sale (fixtures): two shops' products, a customer, a card order of both paid at the Stripe
fake. Registered in tests/conftest.py for the order, invoices and API tests."""

import pytest

from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop
from tests.factories.stripe import pay, place_card_order


@pytest.fixture
def fakhar(db):
    return make_shop("Dar Fakhar")


@pytest.fixture
def jebba(db):
    return make_shop("Jebba & Co")


@pytest.fixture
def fakhar_seller(fakhar):
    return make_seller(fakhar, email="seller@darfakhar.tn")


@pytest.fixture
def tajine(fakhar):
    """49.905 TND, 19 % VAT included."""
    return product_for_sale("Tajine", shop=fakhar, price="49.905", stock=10)[0]


@pytest.fixture
def plate(jebba):
    return product_for_sale("Plate", shop=jebba, price="12.500", stock=5)[0]


@pytest.fixture
def customer(db):
    return make_user(email="leila@example.com", first_name="Leila")


@pytest.fixture
def paid_order(client, stripe_fake, customer, tajine, plate):
    """Two tajines and a plate, with shipping, paid by card by ``customer``."""
    order = place_card_order([(tajine, 2), (plate, 1)], user=customer)
    return pay(order, client, stripe_fake)
