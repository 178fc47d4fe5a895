"""Refunds through Stripe, whole order or per line: money back at Stripe (the fake), stock restored,
statuses and Oscar's payment records updated, each refund made once however often it is asked."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from commerce.order import statuses
from commerce.order.services import change_order_status
from commerce.payment.refunds import RefundError, refund_order
from commerce.payment.stripe import sessions
from commerce.users.roles import PLATFORM_ADMINS
from tests.factories import make_user
from tests.factories.stripe import checkout_urls, place_card_order, post_event

Order = get_model("order", "Order")
OrderStatusChange = get_model("order", "OrderStatusChange")
LineStatusChange = get_model("order", "LineStatusChange")
StockMovement = get_model("partner", "StockMovement")
Refund = get_model("payment", "Refund")


@pytest.fixture
def staff(db):
    return make_user(email="refunds@example.com", role=PLATFORM_ADMINS, is_staff=True)


@pytest.fixture
def paid_order(client, stripe_fake, tajine, plate):
    """Tajine 49.905 + plate 12.500 + shipping: Stripe charged the total rounded down to 10 millimes."""
    order = place_card_order([(tajine, 1), (plate, 1)], email="buyer@example.com")
    record = sessions.start_checkout(order, **checkout_urls())
    assert (
        post_event(client, stripe_fake.pay(record.session_id), fake=stripe_fake).json()["outcome"]
        == "confirmed"
    )
    return Order.objects.get(pk=order.pk)


def line_of(order, product):
    return order.lines.get(product=product)


def levels(product):
    record = product.stockrecords.get()
    return record.num_in_stock, record.num_allocated


def test_a_line_then_the_rest_of_the_order_are_refunded_and_add_up_to_the_charge(
    stripe_fake, paid_order, plate, tajine, staff
):
    charged = paid_order.stripe_sessions.get().amount
    assert charged == int(paid_order.total_incl_tax * 1000) // 10 * 10  # never more than the total

    # When staff refund the plate line
    plate_line = line_of(paid_order, plate)
    first = refund_order(paid_order, lines=[plate_line], by=staff)

    # Then Stripe refunded its price, its stock is available again, its status moved, the order's not
    assert (first.amount, first.amount_minor) == (Decimal("12.500"), 12500)
    assert [r["amount"] for r in stripe_fake.refunds.values()] == [12500]
    assert levels(plate) == (5, 0)
    plate_line.refresh_from_db()
    assert plate_line.status == statuses.REFUNDED
    assert LineStatusChange.objects.filter(
        line=plate_line, new_status=statuses.REFUNDED, changed_by=staff
    ).exists()
    assert Order.objects.get(pk=paid_order.pk).status == statuses.PAID

    # When the same refund is asked again, nothing more happens
    with pytest.raises(RefundError):
        refund_order(paid_order, lines=[plate_line.pk], by=staff)
    assert len(stripe_fake.refunds) == 1

    # When staff then refund the whole order
    rest = refund_order(paid_order, by=staff)

    # Then the rest of the charge is refunded (shipping and the rounding included), exactly
    assert rest.amount_minor == charged - 12500 and rest.shipping == paid_order.shipping_incl_tax
    assert sum(r["amount"] for r in stripe_fake.refunds.values()) == charged
    assert levels(tajine) == (10, 0)
    order = Order.objects.get(pk=paid_order.pk)
    assert order.status == statuses.REFUNDED
    assert OrderStatusChange.objects.filter(
        order=order, new_status=statuses.REFUNDED, changed_by=staff
    ).exists()
    source = order.sources.get(source_type__code="stripe")
    assert source.amount_refunded == source.amount_debited == Decimal(charged) / 1000
    assert order.payment_events.filter(event_type__code="refunded").count() == 2

    # And a whole-order refund asked again refunds nothing more
    with pytest.raises(RefundError):
        refund_order(order, by=staff)
    assert len(stripe_fake.refunds) == 2


def test_refunding_shipped_goods_puts_them_back_on_the_shelf(stripe_fake, paid_order, tajine, staff):
    # Given the order shipped: its stock left the warehouse
    change_order_status(paid_order, statuses.PROCESSING)
    change_order_status(paid_order, statuses.SHIPPED)
    assert levels(tajine) == (9, 0)

    # When it is refunded in full
    refund_order(paid_order, by=staff)

    # Then the units are back in stock, recorded as a refund
    assert levels(tajine) == (10, 0)
    assert (
        StockMovement.objects.filter(order_line__order=paid_order, reason=StockMovement.REFUND).count() == 2
    )


def test_an_unpaid_order_cannot_be_refunded(stripe_fake, card_order, staff):
    with pytest.raises(RefundError):
        refund_order(card_order, by=staff)
    assert not stripe_fake.refunds and not Refund.objects.exists()


def test_lines_of_another_order_are_refused(stripe_fake, paid_order, card_order, staff):
    with pytest.raises(RefundError):
        refund_order(paid_order, lines=[card_order.lines.first()], by=staff)
    assert not stripe_fake.refunds


def test_staff_refund_from_the_dashboard(client, stripe_fake, paid_order, plate, staff):
    url = f"/dashboard/payments/refund/{paid_order.number}/"
    client.force_login(staff)

    page = client.get(url)
    assert page.status_code == 200
    assert "Plate" in page.content.decode()

    token = page.context["form"]["token"].value()
    plate_field = f"line_{line_of(paid_order, plate).pk}"
    response = client.post(url, {"token": token, plate_field: "1", "refund_lines": "1"})
    assert response.status_code == 302
    assert response.url == f"/dashboard/orders/{paid_order.number}/"
    assert Refund.objects.get().amount_minor == 12500

    # A double click posts the same form again: the same refund, nothing more at Stripe
    client.post(url, {"token": token, plate_field: "1", "refund_lines": "1"})
    assert Refund.objects.count() == 1 and len(stripe_fake.refunds) == 1

    client.post(url, {"token": client.get(url).context["form"]["token"].value(), "whole_order": "1"})
    assert Order.objects.get(pk=paid_order.pk).status == statuses.REFUNDED


def test_the_order_page_offers_the_refund_to_staff(client, stripe_fake, paid_order):
    client.force_login(make_user(email="admin@example.com", is_staff=True, is_superuser=True))
    page = client.get(f"/dashboard/orders/{paid_order.number}/")
    assert page.status_code == 200
    assert f"/dashboard/payments/refund/{paid_order.number}/" in page.content.decode()


def test_shoppers_cannot_refund(client, stripe_fake, paid_order):
    client.force_login(make_user(email="someone@example.com"))
    response = client.post(f"/dashboard/payments/refund/{paid_order.number}/", {"whole_order": "1"})
    assert response.status_code == 403
    assert not stripe_fake.refunds
