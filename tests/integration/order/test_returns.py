"""Returns of delivered lines: asked by the customer within the window, decided by the seller,
refunded to the card or as a voucher that a basket takes, to the millime."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from commerce.order import statuses
from commerce.order.services import change_order_status
from commerce.returns import services
from commerce.returns.exceptions import ReturnRefused
from commerce.returns.models import ReturnPolicy, ReturnRequest
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import basket_with

Order = get_model("order", "Order")
LineStatusChange = get_model("order", "LineStatusChange")
Refund = get_model("payment", "Refund")
Applicator = get_class("offer.applicator", "Applicator")


def deliver(order):
    for status in (statuses.PROCESSING, statuses.SHIPPED, statuses.DELIVERED):
        change_order_status(order, status)
    return Order.objects.get(pk=order.pk)


def line_of(order, product):
    return order.lines.get(product=product)


def test_a_return_approved_as_a_voucher_gives_a_usable_voucher_of_the_right_amount(
    paid_order, tajine, plate, customer, fakhar_seller, stripe_fake, django_capture_on_commit_callbacks
):
    order = deliver(paid_order)

    # When the customer asks to return one tajine as a voucher
    with django_capture_on_commit_callbacks(execute=True):
        (request,) = services.request_return(
            order, lines={line_of(order, tajine): 1}, reason="Fissuré", refund_method="voucher", by=customer
        )
    assert request.partner.name == "Dar Fakhar" and request.status == ReturnRequest.REQUESTED
    (notice,) = [message for message in mail.outbox if "seller@darfakhar.tn" in message.to]  # the seller
    assert "/dashboard/returns/" in notice.body

    # And the seller approves it
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_return(request, by=fakhar_seller, comment="Désolés !")

    # Then a voucher worth exactly the tajine's price is the refund, no money moved at Stripe
    request.refresh_from_db()
    refund = request.refund
    assert (refund.method, refund.status, refund.amount) == (
        Refund.VOUCHER,
        Refund.SUCCEEDED,
        Decimal("49.905"),
    )
    assert not stripe_fake.refunds
    assert refund.credit_notes.count() == 1
    # every step is in the order's history
    notes = list(order.notes.values_list("message", flat=True))
    assert any("Fissuré" in note for note in notes) and any("Désolés" in note for note in notes)

    # And a basket of 119.000 TND takes the voucher for 49.905 TND off, to the millime
    vase = product_for_sale("Vase", shop=tajine.stockrecords.get().partner, price="119.000")[0]
    basket = basket_with((vase, 1), owner=customer)
    basket.vouchers.add(refund.voucher)
    Applicator().apply(basket, customer)
    assert basket.total_incl_tax == Decimal("69.095")


def test_a_return_refunded_to_the_card_goes_through_stripe(paid_order, plate, customer, stripe_fake):
    order = deliver(paid_order)
    (request,) = services.request_return(
        order, lines={line_of(order, plate): 1}, reason="Trop petite", by=customer
    )
    services.approve_return(request)
    assert [refund["amount"] for refund in stripe_fake.refunds.values()] == [12500]
    request.refresh_from_db()
    assert request.refund.method == Refund.CARD and request.status == ReturnRequest.APPROVED


def test_a_refused_return_says_why_and_refunds_nothing(paid_order, plate, customer, stripe_fake):
    order = deliver(paid_order)
    (request,) = services.request_return(
        order, lines={line_of(order, plate): 1}, reason="Changé d'avis", by=customer
    )
    with pytest.raises(ReturnRefused):
        services.refuse_return(request, reason="")
    services.refuse_return(request, reason="Article utilisé")
    request.refresh_from_db()
    assert (request.status, request.comment, request.refund_id) == (
        ReturnRequest.REFUSED,
        "Article utilisé",
        None,
    )
    assert not Refund.objects.exists()


def test_only_delivered_lines_within_the_window_can_be_returned(paid_order, tajine, customer, settings):
    with pytest.raises(ReturnRefused, match="seuls les articles livrés"):
        services.request_return(paid_order, lines={line_of(paid_order, tajine): 1}, reason="x", by=customer)
    order = deliver(paid_order)
    LineStatusChange.objects.filter(line__order=order).update(
        date_created=timezone.now() - timedelta(days=20)
    )
    settings.ORDERS_RETURN_WINDOW_DAYS = 14
    with pytest.raises(ReturnRefused, match="14"):
        services.request_return(order, lines={line_of(order, tajine): 1}, reason="x", by=customer)
    assert not ReturnRequest.objects.exists()


def test_more_units_than_bought_or_a_voucher_the_seller_refuses_are_refused(
    paid_order, tajine, fakhar, customer
):
    order = deliver(paid_order)
    with pytest.raises(ReturnRefused, match="au plus 2"):
        services.request_return(order, lines={line_of(order, tajine): 3}, reason="x", by=customer)
    ReturnPolicy.objects.create(partner=fakhar, allows_voucher=False)
    with pytest.raises(ReturnRefused, match="uniquement sur la carte"):
        services.request_return(
            order, lines={line_of(order, tajine): 1}, reason="x", refund_method="voucher", by=customer
        )
    assert not ReturnRequest.objects.exists()


def test_the_seller_sees_only_its_returns_in_the_queue(
    client, paid_order, tajine, plate, customer, fakhar_seller
):
    order = deliver(paid_order)
    services.request_return(
        order, lines={line_of(order, tajine): 1, line_of(order, plate): 1}, reason="Abîmés", by=customer
    )
    assert ReturnRequest.objects.count() == 2  # one per seller
    client.force_login(fakhar_seller)
    page = client.get("/dashboard/returns/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "Tajine" in content and "Plate" not in content
