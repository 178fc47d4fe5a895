"""A subscription product never goes in a basket (it is started with "Subscribe", billed by Stripe
each period): the product page's form, "Buy now", the REST API, a quantity change, a guest's basket
merged at sign-in and a line saved for later all refuse it, with the same message."""

import pytest
from django.utils.html import escape
from oscar.core.loading import get_class, get_model

from commerce.checkout import buy_now
from commerce.checkout.exceptions import CheckoutError
from commerce.checkout.services import Customer

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Selector = get_class("partner.strategy", "Selector")
SavedLineForm = get_class("basket.forms", "SavedLineForm")

REFUSED = (
    "« Cours de couture (mensuel) » est un abonnement : il ne peut pas être ajouté au panier. "
    "Utilisez le bouton « S'abonner » sur sa page pour vous abonner."
)


def legacy_line(basket, product):
    """A line written before the basket refused subscriptions (Oscar's own ``add_product``)."""
    basket.strategy = Selector().strategy(user=basket.owner)
    return basket.add_product(product, 1)[0]


@pytest.mark.django_db
def test_the_api_refuses_a_subscription_product_with_a_400_pointing_to_subscribe(anonymous_client, plan):
    response = anonymous_client.post(
        "/api/basket/lines/", {"product": plan.product.pk, "quantity": 1}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": REFUSED}
    assert anonymous_client.get("/api/basket/").json()["lines"] == []


@pytest.mark.django_db
def test_the_api_refuses_a_new_quantity_for_a_subscription_line_already_in_a_basket(
    anonymous_client, subscriber, plan
):
    anonymous_client.force_authenticate(subscriber)
    line = legacy_line(Basket.open.create(owner=subscriber), plan.product)

    response = anonymous_client.patch(f"/api/basket/lines/{line.pk}/", {"quantity": 2}, format="json")

    assert response.status_code == 400
    assert response.json()["detail"] == REFUSED
    line.refresh_from_db()
    assert line.quantity == 1


@pytest.mark.django_db
@pytest.mark.parametrize("buy_now_button", [False, True], ids=["add-to-basket", "buy-now"])
def test_the_product_page_form_refuses_it_and_says_why(client, plan, buy_now_button):
    data = {"quantity": 1, **({"next": "/fr/checkout/"} if buy_now_button else {})}

    response = client.post(f"/fr/basket/add/{plan.product.pk}/", data, follow=True)

    assert escape(REFUSED) in [str(message) for message in response.context["messages"]]  # shown as HTML
    assert client.get("/api/basket/").json()["lines"] == []


@pytest.mark.django_db
def test_the_pop_up_checkout_refuses_it_and_places_no_order(rf, subscriber, plan):
    request = rf.post("/")
    request.user = subscriber
    request.strategy = Selector().strategy(user=subscriber)

    with pytest.raises(CheckoutError) as refused:
        buy_now.place(
            plan.product,
            1,
            customer=Customer("Nour", "Trabelsi", subscriber.email, "+21620123456", subscriber),
            payment_method=Order.CARD,
            delivery=None,
            language="fr",
            request=request,
        )

    assert str(refused.value) == REFUSED
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_a_guests_subscription_line_is_dropped_when_the_basket_is_merged_at_sign_in(client, subscriber, plan):
    from tests.factories.catalogue import product_for_sale

    vase = product_for_sale("Vase", "12.000")[0]
    client.post(f"/fr/basket/add/{vase.pk}/", {"quantity": 1})
    guest_basket = Basket.open.get(owner=None)
    legacy_line(guest_basket, plan.product)

    client.force_login(subscriber)
    client.get("/fr/basket/")

    basket = Basket.open.get(owner=subscriber)
    assert [line.product for line in basket.lines.all()] == [vase]


@pytest.mark.django_db
def test_a_subscription_line_saved_for_later_does_not_go_back_into_the_basket(subscriber, plan):
    saved_line = legacy_line(Basket.saved.create(owner=subscriber), plan.product)
    basket = Basket.open.create(owner=subscriber)
    basket.strategy = Selector().strategy(user=subscriber)

    form = SavedLineForm(
        basket.strategy, basket, data={"id": saved_line.pk, "move_to_basket": "on"}, instance=saved_line
    )

    assert not form.is_valid()
    assert REFUSED in form.non_field_errors()
