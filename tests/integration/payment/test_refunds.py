"""Refunds through Stripe, whole order or per line: money back at Stripe (the fake), stock restored,
statuses and Oscar's payment records updated, each refund made once however often it is asked."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.template.loader import render_to_string
from oscar.core.loading import get_model

from commerce.order import statuses
from commerce.order.emails import send_refund_email
from commerce.order.services import change_order_status
from commerce.payment.refunds import RefundError, refund_order
from commerce.payment.stripe import sessions
from commerce.users.roles import PLATFORM_ADMINS
from tests.factories import make_user
from tests.factories.stripe import checkout_urls, place_card_order, post_event
from tests.factories.wallet import run_together

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


# --- Amounts of a line: money back, goods kept --------------------------------------------------
def test_amounts_of_a_line_are_refunded_without_taking_it_back_until_its_price_is_reached(
    client, stripe_fake, paid_order, plate, staff
):
    plate_line = line_of(paid_order, plate)
    stock_before = levels(plate)

    # When staff refund 2.505 TND of the plate line (a goodwill gesture)
    first = refund_order(paid_order, amounts={plate_line: Decimal("2.505")}, by=staff)

    # Then Stripe refunded it rounded down to its 10-millime step; no stock moved, the line stays paid
    assert (first.amount, first.amount_minor) == (Decimal("2.500"), 2500)
    assert [r["amount"] for r in stripe_fake.refunds.values()] == [2500]
    assert levels(plate) == stock_before
    assert [(item.quantity, item.amount) for item in first.lines.all()] == [(0, Decimal("2.505"))]
    plate_line.refresh_from_db()
    assert plate_line.status == statuses.PAID
    # the credit note, the customer's email and the order page show the amount
    [note] = first.credit_notes.all()
    assert [(row["description"], Decimal(str(row["total_incl_tax"]))) for row in note.lines] == [
        ("Remboursement partiel de « Plate »", Decimal("2.505"))
    ]
    assert send_refund_email(first.pk)
    assert "Plate (remboursement partiel): 2,505" in mail.outbox[-1].body
    page = render_to_string("returns/order_after_sale.html", {"order": paid_order})
    assert re.search(r'2,505\s*TND sur <span dir="auto">Plate</span>', page)

    # When the rest of the line's price is refunded as an amount
    second = refund_order(paid_order, amounts={plate_line.pk: Decimal("9.995")}, by=staff)

    # Then the line is refunded in full (still no stock back), and nothing more of it can be
    assert second.amount_minor == 9990
    plate_line.refresh_from_db()
    assert plate_line.status == statuses.REFUNDED
    assert levels(plate) == stock_before
    for ask in ({"amounts": {plate_line: Decimal("0.010")}}, {"lines": [plate_line]}):
        with pytest.raises(RefundError, match="Plate"):
            refund_order(paid_order, by=staff, **ask)
    assert Refund.objects.count() == 2 and len(stripe_fake.refunds) == 2

    # And the refund of everything left makes the refunds add up to exactly what Stripe charged
    refund_order(paid_order, by=staff)
    charged = paid_order.stripe_sessions.get().amount
    assert sum(r["amount"] for r in stripe_fake.refunds.values()) == charged
    assert Order.objects.get(pk=paid_order.pk).status == statuses.REFUNDED


def test_an_amount_over_what_is_left_is_refused_and_writes_nothing(stripe_fake, paid_order, plate, staff):
    plate_line = line_of(paid_order, plate)
    for amount, message in (
        (Decimal("12.501"), "Seuls 12.500 TND de « Plate » peuvent encore être remboursés."),
        (Decimal("0"), "doit être supérieur à zéro"),
    ):
        with pytest.raises(RefundError, match=message):
            refund_order(paid_order, amounts={plate_line: amount}, by=staff)
    with pytest.raises(RefundError, match="pas les deux"):
        refund_order(paid_order, lines={plate_line: 1}, amounts={plate_line: Decimal("1")}, by=staff)
    assert not Refund.objects.exists() and not stripe_fake.refunds


def test_an_amount_then_units_of_the_same_line_never_exceed_its_price(
    client, stripe_fake, card_order, checkout_session, tajine, staff
):
    # Given a paid order of two tajines (99.810 TND)
    post_event(client, stripe_fake.pay(checkout_session.session_id), fake=stripe_fake)
    order = Order.objects.get(pk=card_order.pk)
    tajines = line_of(order, tajine)
    refund_order(order, amounts={tajines: Decimal("10.000")}, by=staff)

    # When one unit then the last are refunded
    one = refund_order(order, lines={tajines: 1}, by=staff)
    last = refund_order(order, lines={tajines: 1}, by=staff)

    # Then the first unit is at its price, the last at what is left; both back in stock
    assert [item.amount for item in one.lines.all()] == [Decimal("49.905")]
    assert [item.amount for item in last.lines.all()] == [Decimal("39.905")]
    assert sum(item.amount for item in tajines.refund_lines.all()) == tajines.line_price_incl_tax
    assert levels(tajine) == (10, 0)


def test_the_dashboard_refunds_an_amount_of_a_line(client, stripe_fake, paid_order, plate, staff):
    url = f"/dashboard/payments/refund/{paid_order.number}/"
    client.force_login(staff)
    plate_line = line_of(paid_order, plate)
    token = client.get(url).context["form"]["token"].value()

    # Over what is left: the form says so, nothing is refunded
    too_much = client.post(url, {"token": token, f"amount_{plate_line.pk}": "12.600", "refund_lines": "1"})
    assert too_much.status_code == 200
    assert "Seuls 12.500 TND de « Plate » peuvent encore être remboursés." in too_much.content.decode()
    assert not Refund.objects.exists()

    response = client.post(url, {"token": token, f"amount_{plate_line.pk}": "4.000", "refund_lines": "1"})
    assert response.status_code == 302
    assert Refund.objects.get().amount_minor == 4000 and levels(plate)[1] == 1


@pytest.mark.django_db(transaction=True)
def test_two_amount_refunds_asked_at_once_never_over_refund_a_line(stripe_fake, paid_order, plate, staff):
    # Given 12.500 TND left on the plate line, two staff members each refund 8 TND of it at once
    plate_line = line_of(paid_order, plate)

    results = run_together(
        2,
        lambda _i: refund_order(
            Order.objects.get(pk=paid_order.pk), amounts={plate_line.pk: Decimal("8")}, by=staff
        ),
    )

    # Then one refund went through, the other was refused; the line never got more than its price
    refunded = [r for r in results if isinstance(r, Refund)]
    assert len(refunded) == 1 and isinstance(next(r for r in results if r not in refunded), RefundError)
    assert [r["amount"] for r in stripe_fake.refunds.values()] == [8000]
    assert sum(item.amount for item in plate_line.refund_lines.all()) == Decimal("8.000")
