"""Oscar's analytics counters are written once an order commits, and survive being created twice."""

import pytest
from django.utils import translation
from oscar.core.loading import get_model

from commerce.analytics.counters import increment
from commerce.analytics.services import record_order
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia

Order = get_model("order", "Order")
ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")
UserProductView = get_model("analytics", "UserProductView")


@pytest.mark.django_db
def test_an_order_counts_purchases_and_the_buyers_spending_after_commit(django_capture_on_commit_callbacks):
    from commerce.checkout import services

    ensure_tunisia()
    user = make_user(email="buyer@example.com")
    product, _ = product_for_sale("Tapis mergoum", "150.500")
    customer = services.Customer(**{**GUEST.__dict__, "user": user})
    with django_capture_on_commit_callbacks(execute=True):
        order = services.place_order(
            basket=basket_with((product, 2), owner=user),
            customer=customer,
            payment_method="card",
            delivery=TUNIS,
        )
    assert ProductRecord.objects.get(product=product).num_purchases == 2
    record = UserRecord.objects.get(user=user)
    assert (record.num_orders, record.num_order_items, record.total_spent) == (1, 2, order.total_incl_tax)
    # and recording the same order again is additive, as Oscar's counters are (one call per order)
    record_order(order.pk)
    assert UserRecord.objects.get(user=user).total_spent == 2 * order.total_incl_tax


@pytest.mark.django_db
def test_increment_creates_then_adds():
    product, _ = product_for_sale("Bol", "9.900")
    increment(ProductRecord, {"product": product}, {"num_views": 1})
    increment(ProductRecord, {"product": product}, {"num_views": 1})
    assert ProductRecord.objects.get(product=product).num_views == 2


@pytest.mark.django_db
def test_the_add_to_basket_view_and_the_product_page_count_a_signed_in_shopper(client):
    # given: a signed-in shopper (Oscar's receivers of these signals are not connected)
    user = make_user(email="counted@example.com")
    product, _ = product_for_sale("Plat à couscous", "38.000")
    client.force_login(user)
    with translation.override("fr"):
        url = product.get_absolute_url()
    # when: the shopper opens the product page and adds it to the basket
    assert client.get(url).status_code == 200
    client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 1})
    # then: the page and the view called the counters themselves
    assert ProductRecord.objects.get(product=product).num_basket_additions == 1
    record = UserRecord.objects.get(user=user)
    assert (record.num_product_views, record.num_basket_additions) == (1, 1)
    assert UserProductView.objects.filter(user=user, product=product).count() == 1
