"""Refunds after the sale: line by line until the order is refunded, what the customer and the
seller see at each step, and refunds that survive Stripe failing or answering late (no Stripe call
while the order row is locked; a pending refund is completed once, by a retry or the webhook)."""

import csv
import io
from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from commerce.dashboard.orders.selectors import net_revenue
from commerce.dashboard.views import seller_stats
from commerce.order import statuses
from commerce.order.cancellation import CancellationRefused, cancel_lines
from commerce.order.services import change_line_status
from commerce.payment.refunds import RefundError, RefundPending, complete_pending_refunds, refund_order
from commerce.payment.selectors import payment_status
from tests.factories import make_user
from tests.factories.sellers import make_seller
from tests.factories.stripe import post_event
from tests.pdf import pdf_text

Order = get_model("order", "Order")
Refund = get_model("payment", "Refund")
CreditNote = get_model("invoices", "CreditNote")
StockRecord = get_model("partner", "StockRecord")


def line_of(order, product):
    return order.lines.get(product=product)


def in_stock(product):
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock - record.num_allocated


def refund_emails(order):
    """The customer's refund emails: those carrying a credit note."""
    return [
        message
        for message in mail.outbox
        if order.email in message.to and any(name.startswith("A-") for name, *_rest in message.attachments)
    ]


def test_a_card_order_refunded_line_by_line_until_fully_refunded(
    paid_order, tajine, plate, fakhar_seller, stripe_fake, django_capture_on_commit_callbacks
):
    charged = paid_order.stripe_sessions.get().amount
    assert charged == 119310  # 2 × 49.905 + 12.500 + 7.000 shipping
    assert payment_status(paid_order) == "paid"
    assert seller_stats(fakhar_seller)["total_revenue"] == Decimal("99.810")
    tajines = line_of(paid_order, tajine)

    # When one of the two tajines is refunded
    with django_capture_on_commit_callbacks(execute=True):
        first = refund_order(paid_order, lines={tajines: 1})

    # Then Stripe gave back its price (rounded down to Stripe's 10 millimes), one unit is back in stock
    assert (first.status, first.amount, first.lines.get().amount) == (
        "succeeded",
        Decimal("49.900"),
        Decimal("49.905"),
    )
    assert in_stock(tajine) == 9
    order = Order.objects.get(pk=paid_order.pk)
    assert payment_status(order) == "partly_refunded"
    assert order.status == statuses.PAID and line_of(order, tajine).status == statuses.PAID
    # a credit note of the seller for one tajine, VAT 19 % broken out, and an email with it
    (note,) = first.credit_notes.all()
    assert note.partner.name == "Dar Fakhar" and note.number.startswith("A-")
    assert note.total_incl_tax == Decimal("49.905") and note.lines[0]["quantity"] == 1
    assert [(rate, base + tax) for rate, base, tax in note.vat_breakdown] == [
        (Decimal("0.19"), Decimal("49.905"))
    ]
    (email,) = refund_emails(order)
    assert f"{note.number}.pdf" in [name for name, _content, _type in email.attachments]
    # and the seller's figures count only what is left of the sale
    figures = seller_stats(fakhar_seller)
    assert figures["total_revenue"] == Decimal("49.905")
    assert figures["total_commission"] == Decimal("9.981")  # 19.962 for two, in proportion

    # When the second tajine is refunded
    with django_capture_on_commit_callbacks(execute=True):
        second = refund_order(paid_order, lines={tajines: 1})

    # Then the tajine line is refunded in full, in the seller's series without a gap
    order = Order.objects.get(pk=paid_order.pk)
    assert line_of(order, tajine).status == statuses.REFUNDED and order.status == statuses.PAID
    (second_note,) = second.credit_notes.all()
    assert second_note.sequence == note.sequence + 1
    assert seller_stats(fakhar_seller)["total_revenue"] == Decimal("0.000")
    assert len(refund_emails(order)) == 2

    # When the plate and the shipping are refunded
    with django_capture_on_commit_callbacks(execute=True):
        last = refund_order(paid_order, lines=[line_of(paid_order, plate)], shipping=True)

    # Then the whole charge has come back, exactly, and the order is refunded
    assert last.amount_minor == charged - 49900 - 49900
    assert sum(refund["amount"] for refund in stripe_fake.refunds.values()) == charged
    order = Order.objects.get(pk=paid_order.pk)
    assert order.status == statuses.REFUNDED and payment_status(order) == "refunded"
    assert sorted(n.kind for n in last.credit_notes.all()) == ["platform", "seller"]
    assert CreditNote.objects.filter(order=order).count() == 4
    assert len(refund_emails(order)) == 3
    assert in_stock(tajine) == 10 and in_stock(plate) == 5


def test_asking_for_more_than_is_left_refunds_nothing(paid_order, tajine, stripe_fake):
    with pytest.raises(RefundError, match="Il ne reste que 2"):
        refund_order(paid_order, lines={line_of(paid_order, tajine): 3})
    assert not Refund.objects.exists() and not stripe_fake.refunds


def test_stripe_failing_once_leaves_a_pending_refund_that_a_retry_completes_once(
    paid_order, plate, stripe_fake
):
    # Given Stripe fails the next refund before doing anything
    stripe_fake.fail_next("/v1/refunds")

    # When the plate is refunded
    with pytest.raises(RefundPending):
        refund_order(paid_order, lines=[line_of(paid_order, plate)])

    # Then the refund is recorded as pending; nothing moved yet
    record = Refund.objects.get()
    assert record.status == Refund.PENDING and not stripe_fake.refunds
    assert in_stock(plate) == 4 and not record.credit_notes.exists()

    # When it is retried (the task sweeping pending refunds)
    assert complete_pending_refunds() == 1

    # Then Stripe refunded once and the refund is complete
    record.refresh_from_db()
    assert record.status == Refund.SUCCEEDED and record.stripe_refund_id
    assert len(stripe_fake.refunds) == 1 and in_stock(plate) == 5
    assert complete_pending_refunds() == 0


def test_an_answer_lost_after_stripe_refunded_is_completed_by_the_next_refund_without_refunding_twice(
    paid_order, plate, tajine, stripe_fake
):
    # Given Stripe refunded the plate but its answer was lost
    stripe_fake.fail_next("/v1/refunds", after_processing=True)
    with pytest.raises(RefundPending):
        refund_order(paid_order, lines=[line_of(paid_order, plate)])
    (plate_refund_id,) = stripe_fake.refunds

    # When the next refund of the order is asked (the tajines)
    refund_order(paid_order, lines=[line_of(paid_order, tajine)])

    # Then the plate's pending refund was completed first with Stripe's same refund, then the tajines'
    plate_refund, tajine_refund = Refund.objects.order_by("pk")
    assert plate_refund.status == tajine_refund.status == Refund.SUCCEEDED
    assert plate_refund.stripe_refund_id == plate_refund_id
    assert sorted(refund["amount"] for refund in stripe_fake.refunds.values()) == [12500, 99810]


def test_the_webhook_arriving_first_completes_the_pending_refund_once(client, paid_order, plate, stripe_fake):
    # Given Stripe refunded but its answer was lost: the refund is pending here
    stripe_fake.fail_next("/v1/refunds", after_processing=True)
    with pytest.raises(RefundPending):
        refund_order(paid_order, lines=[line_of(paid_order, plate)])

    # When Stripe's charge.refunded webhook arrives
    (event,) = stripe_fake.events_of("charge.refunded")
    response = post_event(client, event, fake=stripe_fake)

    # Then the refund is complete, with its stock and credit note
    assert response.status_code == 200 and response.json()["outcome"] == "refund-succeeded"
    record = Refund.objects.get()
    assert (
        record.status == Refund.SUCCEEDED
        and record.stripe_refund_id == event["data"]["object"]["refunds"]["data"][0]["id"]
    )
    assert in_stock(plate) == 5 and record.credit_notes.count() == 1

    # And the retry, and the event delivered again, change nothing
    assert complete_pending_refunds() == 0
    assert post_event(client, event, fake=stripe_fake).json()["outcome"] == "already-processed"
    assert len(stripe_fake.refunds) == 1 and record.credit_notes.count() == 1


def test_a_seller_cancelling_a_paid_line_refunds_it_through_stripe(
    paid_order, tajine, fakhar_seller, stripe_fake, django_capture_on_commit_callbacks
):
    tajines = line_of(paid_order, tajine)

    with django_capture_on_commit_callbacks(execute=True):
        cancel_lines(paid_order, [tajines], by=fakhar_seller)

    (refund,) = stripe_fake.refunds.values()
    assert refund["amount"] == 99810
    tajines.refresh_from_db()
    assert tajines.status == statuses.REFUNDED
    assert in_stock(tajine) == 10
    assert Refund.objects.get().credit_notes.count() == 1
    assert refund_emails(paid_order)
    assert payment_status(Order.objects.get(pk=paid_order.pk)) == "partly_refunded"


def test_a_shipped_line_cannot_be_cancelled(paid_order, tajine, stripe_fake):
    tajines = line_of(paid_order, tajine)
    change_line_status(tajines, statuses.PROCESSING)
    change_line_status(tajines, statuses.SHIPPED)
    with pytest.raises(CancellationRefused, match="déjà été expédié"):
        cancel_lines(paid_order, [tajines])
    assert not stripe_fake.refunds


def test_a_seller_cancelling_a_paid_line_from_the_dashboard_refunds_it(
    client, paid_order, plate, jebba, stripe_fake
):
    seller = make_seller(jebba, email="seller@jebba.tn")
    client.force_login(seller)
    line = line_of(paid_order, plate)
    response = client.post(
        f"/dashboard/orders/{paid_order.number}/",
        {
            "line_action": "change_line_statuses",
            "selected_line": [line.pk],
            f"selected_line_qty_{line.pk}": 1,
            "new_status": "cancelled",
        },
    )
    assert response.status_code == 302
    assert "1 ligne est maintenant « Remboursée »" in client.get(response.url).content.decode()
    line.refresh_from_db()
    assert line.status == statuses.REFUNDED
    assert [refund["amount"] for refund in stripe_fake.refunds.values()] == [12500]


def test_the_refund_form_refunds_a_quantity_and_the_shipping_and_refuses_more_than_is_left(
    client, paid_order, tajine, stripe_fake
):
    client.force_login(make_user(email="staff@example.com", is_staff=True, is_superuser=True))
    url = f"/dashboard/payments/refund/{paid_order.number}/"
    tajines = f"line_{line_of(paid_order, tajine).pk}"
    page = client.get(url)
    content = page.content.decode()
    assert "49,905" in content and "99,810" in content and "7,000" in content  # per unit, left, shipping
    token = page.context["form"]["token"].value()

    # More than is left: refused, nothing refunded
    refused = client.post(url, {"token": token, tajines: "3", "refund_lines": "1"})
    assert refused.status_code == 200
    assert "Il ne reste que 2 « Tajine » à rembourser." in refused.content.decode()
    assert not Refund.objects.exists() and not stripe_fake.refunds

    # One tajine and the shipping
    client.post(url, {"token": token, tajines: "1", "shipping": "on", "refund_lines": "1"})
    refund = Refund.objects.get()
    assert (refund.lines.get().quantity, refund.shipping, refund.amount) == (
        1,
        Decimal("7.000"),
        Decimal("56.900"),
    )
    assert "1 ×" in client.get(url).content.decode()


def test_staff_figures_are_net_of_refunds(client, paid_order, plate, stripe_fake):
    assert net_revenue(Order.objects.all()) == Decimal("119.310")
    refund_order(paid_order, lines=[line_of(paid_order, plate)])
    assert net_revenue(Order.objects.all()) == Decimal("106.810")


def test_the_sellers_exports_are_net_of_refunds(client, paid_order, tajine, fakhar_seller, stripe_fake):
    refund_order(paid_order, lines={line_of(paid_order, tajine): 1})
    client.force_login(fakhar_seller)

    csv_export = client.get("/dashboard/orders/?response_format=csv", HTTP_ACCEPT_LANGUAGE="en")
    (row,) = csv.DictReader(io.StringIO(csv_export.content.decode("utf-8-sig")))
    assert row["Total (inc. tax)"] == "99.810"
    assert row["Refunded or cancelled (inc. tax)"] == "49.905"
    assert (row["Net commission"], row["Seller's net share"]) == ("9.981", "39.924")

    pdf_export = client.get("/dashboard/orders/?response_format=pdf", HTTP_ACCEPT_LANGUAGE="en")
    text = " ".join(pdf_text(pdf_export.content).split())
    assert "49.905" in text and "39.924" in text


def test_the_admins_dashboard_home_shows_revenue_net_of_refunds(client, paid_order, plate, stripe_fake):
    refund_order(paid_order, lines=[line_of(paid_order, plate)])
    client.force_login(make_user(email="admin@example.com", is_staff=True, is_superuser=True))
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert response.context["total_revenue"] == Decimal("106.810")
    assert "net des remboursements" in response.content.decode()


def test_the_admins_order_list_shows_each_orders_total_net_of_refunds(client, paid_order, plate, stripe_fake):
    # given: a paid order of 119.310 TND whose plate (12.500) was refunded
    refund_order(paid_order, lines=[line_of(paid_order, plate)])
    client.force_login(make_user(email="admin@example.com", is_staff=True, is_superuser=True))

    # when: a platform admin lists the orders
    response = client.get("/dashboard/orders/", HTTP_ACCEPT_LANGUAGE="fr")

    # then: the order's total is what the customer finally paid, and the column says so
    [listed] = response.context["orders"]
    assert listed.net_total_incl_tax == Decimal("106.810")
    assert "net des remboursements" in response.content.decode()
