"""Order and line statuses: history with who, stock following shipments, the order following its lines."""

import pytest
from oscar.core.loading import get_model

from commerce.checkout import services
from commerce.order import statuses
from commerce.order.exceptions import InvalidStatusChange
from commerce.order.services import change_line_status, change_order_status
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia

Order = get_model("order", "Order")


@pytest.fixture
def two_seller_cod_order(db):
    ensure_tunisia()
    vase, vase_stock = product_for_sale("Vase", "20.000", stock=5, shop="Dar Nabeul")
    scarf, scarf_stock = product_for_sale("Foulard", "30.000", stock=5, shop="Jebba & Co")
    order = services.place_order(
        basket=basket_with((vase, 1), (scarf, 2)), customer=GUEST, payment_method="cod", delivery=TUNIS
    )
    return order, vase_stock, scarf_stock


@pytest.mark.django_db
def test_the_order_ships_when_the_last_seller_ships_and_stock_leaves_the_shelf(two_seller_cod_order):
    order, vase_stock, scarf_stock = two_seller_cod_order
    seller = make_user(email="nabeul@example.com")
    vase_line, scarf_line = order.lines.order_by("pk")
    # when: the first seller ships
    change_line_status(vase_line, statuses.SHIPPED, by=seller)
    order.refresh_from_db()
    vase_stock.refresh_from_db()
    # then: the order waits for the other seller; the vase left the shelf
    assert order.status == statuses.PROCESSING
    assert (vase_stock.num_in_stock, vase_stock.num_allocated) == (4, 0)
    assert vase_line.status_changes.get().changed_by == seller
    # when: the second seller ships, the order is shipped
    change_line_status(scarf_line, statuses.SHIPPED)
    order.refresh_from_db()
    assert order.status == statuses.SHIPPED
    assert order.status_changes.get().new_status == statuses.SHIPPED


@pytest.mark.django_db
def test_cash_on_delivery_is_paid_when_delivered(two_seller_cod_order):
    order, *_ = two_seller_cod_order
    admin = make_user(email="ops@example.com")
    change_order_status(order, statuses.SHIPPED, by=admin)
    change_order_status(order, statuses.DELIVERED, by=admin)
    order.refresh_from_db()
    assert order.is_paid
    assert [change.changed_by for change in order.status_changes.all()] == [admin, admin]
    assert set(order.lines.values_list("status", flat=True)) == {statuses.DELIVERED}


@pytest.mark.django_db
def test_the_pipeline_refuses_going_back(two_seller_cod_order):
    order, *_ = two_seller_cod_order
    change_order_status(order, statuses.SHIPPED)
    with pytest.raises(InvalidStatusChange):
        change_order_status(order, statuses.PROCESSING)


@pytest.mark.django_db
def test_the_customer_reads_the_status_in_words_in_their_language(client):
    from django.utils import translation

    ensure_tunisia()
    customer = make_user(email="reader@example.com")
    vase, _ = product_for_sale("Vase", "20.000")
    order = services.place_order(
        basket=basket_with((vase, 1), owner=customer),
        customer=services.Customer("Lina", "Ayari", customer.email, "+21620123456", customer),
        payment_method="cod",
        delivery=TUNIS,
    )
    client.force_login(customer)
    with translation.override("en"):
        page = client.get(f"/en/accounts/orders/{order.number}/").content.decode()
    assert '<span class="badge badge--muted">Processing</span>' in page
    assert ">processing<" not in page
