"""A guest's checkout pages reuse the rendered header, footer, chat widget and empty form
(commerce/checkout/templatetags/guest_fragments.py): with their own basket count and CSRF token,
fresh after a change, and never for a form with the guest's input or for a signed-in shopper."""

import pytest
from django.test import Client
from oscar.core.loading import get_model

from commerce.core.pagecache import CSRF_PLACEHOLDER
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia

Category = get_model("catalogue", "Category")

CHECKOUT = "/fr/checkout/"
HEADER = "includes/header.html"
FIELDS = "checkout/partials/customer_fields.html"


def guest_at_checkout(product, quantity):
    guest = Client()
    guest.post(f"/fr/basket/add/{product.pk}/", {"quantity": quantity, "next": CHECKOUT})
    return guest


def rendered(response):
    return {template.name for template in response.templates}


@pytest.mark.django_db
def test_a_guest_gets_the_kept_chrome_with_their_own_basket_count_and_token():
    ensure_tunisia()
    product, _ = product_for_sale("Tajine émaillé", "45.000")
    guest_at_checkout(product, 2).get(CHECKOUT)  # the chrome of a two-item basket, kept

    guest = guest_at_checkout(product, 2)
    page = guest.get(CHECKOUT)
    html = page.content.decode()
    assert {HEADER, FIELDS}.isdisjoint(rendered(page))
    assert '<span class="basket-link__count" aria-hidden="true">2</span>' in html
    assert CSRF_PLACEHOLDER not in html
    assert f'name="csrfmiddlewaretoken" value="{page.context["csrf_token"]}"' in html  # the chat widget's

    other = guest_at_checkout(product, 1).get(CHECKOUT)
    assert '<span class="basket-link__count" aria-hidden="true">1</span>' in other.content.decode()


@pytest.mark.django_db
def test_a_new_category_shows_in_the_kept_header_at_once():
    ensure_tunisia()
    product, _ = product_for_sale("Tajine émaillé", "45.000")
    guest_at_checkout(product, 1).get(CHECKOUT)
    Category.add_root(name="Épices du Cap Bon", slug="epices-cap-bon")

    page = guest_at_checkout(product, 1).get(CHECKOUT)
    assert "Épices du Cap Bon" in page.content.decode()


@pytest.mark.django_db
def test_a_signed_in_shopper_gets_the_chrome_rendered(client):
    ensure_tunisia()
    product, _ = product_for_sale("Tajine émaillé", "45.000")
    guest_at_checkout(product, 1).get(CHECKOUT)
    client.force_login(make_user("nadia@example.com"))
    client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 1})

    page = client.get(CHECKOUT)
    assert HEADER in rendered(page)
    assert "nadia@example.com" in page.content.decode()


@pytest.mark.django_db
def test_a_form_with_the_guests_input_is_rendered_with_it():
    ensure_tunisia()
    product, _ = product_for_sale("Tajine émaillé", "45.000")
    guest = guest_at_checkout(product, 1)
    guest.get(CHECKOUT)

    page = guest.post(CHECKOUT, {"first_name": "Amira", "last_name": "Ben Salah", "payment_method": "cod"})
    assert page.status_code == 200
    assert FIELDS in rendered(page)
    assert 'value="Amira"' in page.content.decode()
