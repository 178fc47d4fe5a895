"""An order's status rolls up from its lines, whoever moves them and in whatever order."""

from decimal import Decimal

import pytest
from django.utils import translation

from commerce.order import selectors, services, statuses

pytestmark = pytest.mark.django_db


def status_of(order):
    order.refresh_from_db()
    return order.status


def test_an_orders_status_rolls_up_as_lines_are_delivered(two_shop_order):
    o = two_shop_order
    # when: the first seller ships its line, the order is partly shipped
    services.ship_lines([o.line_a], by=o.seller_a, tracking_number="RR123456789TN", carrier="Rapid-Poste")
    assert status_of(o.order) == statuses.PROCESSING
    with translation.override("fr"):
        assert selectors.progress(o.order) == "Partiellement expédiée : 1 sur 4 articles"
    # when: the second seller ships, the whole order is shipped
    services.ship_lines([o.line_b, o.line_c], by=o.seller_b)
    assert status_of(o.order) == statuses.SHIPPED
    assert selectors.progress(o.order) == ""
    # when: one parcel arrives, the order is partly delivered, still unpaid
    services.record_delivery([o.line_b, o.line_c], by=o.seller_b)
    assert status_of(o.order) == statuses.SHIPPED
    assert not o.order.is_paid
    with translation.override("en"):
        assert selectors.progress(o.order) == "Partly delivered: 3 of 4 items"
    # when: the last one arrives, the order is delivered and, cash on delivery, paid
    services.record_delivery([o.line_a], by=o.seller_a)
    assert status_of(o.order) == statuses.DELIVERED
    assert o.order.is_paid
    assert [(c.old_status, c.new_status) for c in o.order.status_changes.order_by("pk")] == [
        (statuses.PROCESSING, statuses.SHIPPED),
        (statuses.SHIPPED, statuses.DELIVERED),
    ]


def test_a_cancelled_line_does_not_hold_the_order_back(two_shop_order):
    o = two_shop_order
    services.change_line_status(o.line_a, statuses.CANCELLED, by=o.seller_a)
    services.ship_lines([o.line_b, o.line_c], by=o.seller_b)
    assert status_of(o.order) == statuses.SHIPPED
    services.record_delivery([o.line_b, o.line_c], by=o.seller_b)
    assert status_of(o.order) == statuses.DELIVERED


def test_a_line_delivered_before_the_others_left_walks_the_order_through_shipped(two_shop_order):
    o = two_shop_order
    services.ship_lines([o.line_a])
    services.record_delivery([o.line_a])
    services.ship_lines([o.line_b, o.line_c])
    services.record_delivery([o.line_b, o.line_c])
    assert [c.new_status for c in o.order.status_changes.order_by("pk")] == [
        statuses.SHIPPED,
        statuses.DELIVERED,
    ]


def test_cash_collected_on_delivery_is_recorded_per_sellers_lines(two_shop_order):
    o = two_shop_order
    services.ship_lines([o.line_b, o.line_c], by=o.seller_b)
    delivery = services.record_delivery([o.line_b, o.line_c], by=o.seller_b)
    [payment] = o.order.payment_events.all()
    assert payment.event_type.code == services.CASH_COLLECTED
    assert payment.amount == Decimal("85.000")
    assert payment.shipping_event == delivery
    assert sorted(payment.lines.values_list("pk", flat=True)) == [o.line_b.pk, o.line_c.pk]


def test_a_line_cannot_be_shipped_twice(two_shop_order):
    from commerce.order.exceptions import InvalidStatusChange

    o = two_shop_order
    services.ship_lines([o.line_a])
    with pytest.raises(InvalidStatusChange):
        services.ship_lines([o.line_a])
    assert o.order.shipping_events.count() == 1


def test_staff_shipping_the_whole_order_records_one_parcel_for_its_lines(two_shop_order):
    o = two_shop_order
    services.change_order_status(o.order, statuses.SHIPPED)
    [event] = o.order.shipping_events.all()
    assert event.lines.count() == 3
    assert set(o.order.lines.values_list("status", flat=True)) == {statuses.SHIPPED}
