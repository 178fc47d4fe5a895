""" "Buy now" on the product page: the product goes in the basket and the shopper lands on the checkout."""

import pytest
from django.contrib.messages import constants
from django.utils import translation
from oscar.core.loading import get_model

from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia

BasketLine = get_model("basket", "Line")

CHECKOUT = "/fr/checkout/"


def product_url(product):
    with translation.override("fr"):
        return product.get_absolute_url()


@pytest.mark.django_db
def test_buy_now_lands_on_the_checkout_with_the_line(client):
    # given: the product page offers "Buy now" next to "Add to basket"
    ensure_tunisia()
    product, _ = product_for_sale("Tajine émaillé", "45.000", stock=5)
    page = client.get(product_url(product)).content.decode()
    assert f'name="next" value="{CHECKOUT}"' in page
    assert "Acheter maintenant" in page
    # when: the shopper picks 2 and buys now
    response = client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 2, "next": CHECKOUT}, follow=True)
    # then: straight to the checkout form, which shows the line
    assert response.redirect_chain == [(CHECKOUT, 302)]
    assert response.status_code == 200
    lines = list(response.context["basket"].all_lines())
    assert [(line.product, line.quantity) for line in lines] == [(product, 2)]
    html = response.content.decode()
    assert "Tajine émaillé" in html and "× 2" in html
    assert 'name="payment_method"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("stock", "quantity"),
    [(0, "1"), (1, "3"), (5, "0"), (5, "beaucoup")],
    ids=["sold out", "more than the stock", "zero", "not a number"],
)
def test_a_refused_buy_now_returns_to_the_product_page_with_the_error_and_no_line(client, stock, quantity):
    # given
    product, _ = product_for_sale("Jebba brodée", "240.000", stock=stock)
    url = product_url(product)
    # when: the browser sent no referrer
    response = client.post(f"/fr/basket/add/{product.pk}/", {"quantity": quantity, "next": CHECKOUT})
    # then: back on the product page (not the checkout), which shows why, and the basket is empty
    assert response.status_code == 302
    assert response["Location"] == url
    page = client.get(url)
    errors = [message for message in page.context["messages"] if message.level == constants.ERROR]
    assert errors and str(errors[0]) in page.content.decode()
    assert not BasketLine.objects.filter(product=product).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", ["https://evil.example/checkout/", "//evil.example/checkout/"])
def test_an_external_next_is_not_followed(client, next_url):
    product, _ = product_for_sale("Lampe en cuivre", "89.500")
    response = client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 1, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/fr/basket/"
    assert BasketLine.objects.filter(product=product).count() == 1
