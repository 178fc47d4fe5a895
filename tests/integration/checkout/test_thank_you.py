"""The thank-you page shows the order to the one who placed it (their session) and to staff
superusers asking for a number; anyone else is sent to the home page."""

import pytest

from commerce.checkout import services
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia, guest_form

CHECKOUT = "/fr/checkout/"
THANK_YOU = "/fr/checkout/thank-you/"


@pytest.mark.django_db
def test_only_the_buyer_and_a_superuser_asking_for_it_see_the_order(client, admin_client, django_user_model):
    ensure_tunisia()
    product, _ = product_for_sale("Tajine émaillé", "45.000")
    client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 1, "next": CHECKOUT})
    placed = client.post(CHECKOUT, guest_form())
    # the buyer: their order, and their basket cookie dropped with it (cash on delivery)
    assert placed["Location"] == THANK_YOU
    assert placed.cookies["oscar_open_basket"]["max-age"] == 0
    page = client.get(THANK_YOU)
    order = page.context["order"]
    assert order.lines.get().title == "Tajine émaillé"
    assert order.number in page.content.decode()
    # another order, by someone else: not shown to a visitor, nor to a signed-in shopper asking for it
    other = services.place_order(
        basket=basket_with((product, 1)), customer=GUEST, payment_method="cod", delivery=TUNIS
    )
    client.cookies.clear()
    assert client.get(THANK_YOU).status_code == 302
    shopper = django_user_model.objects.create_user("shopper@example.com", "pw")
    client.force_login(shopper)
    assert client.get(f"{THANK_YOU}?order_number={other.number}").status_code == 302
    # a superuser may ask for any order by number or id
    assert admin_client.get(f"{THANK_YOU}?order_number={other.number}").context["order"] == other
    assert admin_client.get(f"{THANK_YOU}?order_id={other.pk}").context["order"] == other
