"""Placing orders: cash on delivery, card awaiting payment, stock held, amounts to the millime."""

from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from commerce.checkout import services
from commerce.checkout.exceptions import BasketAlreadySubmitted, CashOnDeliveryNotAvailable, OutOfStock
from commerce.order import statuses
from tests.factories.catalogue import digital_class, product_for_sale
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
StockMovement = get_model("partner", "StockMovement")


@pytest.fixture(autouse=True)
def tunisia(db):
    ensure_tunisia()


@pytest.mark.django_db
def test_guest_buys_a_physical_product_cash_on_delivery(django_capture_on_commit_callbacks):
    # given
    product, record = product_for_sale("Tajine émaillé", "45.000", stock=5)
    basket = basket_with((product, 2))
    # when
    with django_capture_on_commit_callbacks(execute=True):
        order = services.place_order(
            basket=basket, customer=GUEST, payment_method=Order.CASH_ON_DELIVERY, delivery=TUNIS
        )
    # then: confirmed unpaid, delivered to Tunis, stock held, basket done, customer emailed
    assert order.status == statuses.PROCESSING
    assert set(order.lines.values_list("status", flat=True)) == {statuses.PROCESSING}
    assert not order.is_paid
    assert order.guest_email == GUEST.email
    assert order.shipping_address.line4 == "Tunis"
    assert order.total_incl_tax == Decimal("97.000")  # 2 × 45.000 + 7.000 delivery
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (5, 2)
    assert StockMovement.objects.get(stockrecord=record).reason == StockMovement.SALE
    assert Basket.objects.get(pk=basket.pk).status == Basket.SUBMITTED
    assert [message.to for message in mail.outbox] == [[GUEST.email]]


@pytest.mark.django_db
def test_card_order_waits_for_payment_and_confirming_twice_pays_once():
    product, _ = product_for_sale("Kilim de Kairouan", "320.000")
    basket = basket_with((product, 1))
    order = services.place_order(basket=basket, customer=GUEST, payment_method=Order.CARD, delivery=TUNIS)
    assert order.status == statuses.PENDING_PAYMENT
    assert Basket.objects.get(pk=basket.pk).status == Basket.FROZEN
    # when
    first = services.confirm_payment(order.number, amount=Decimal("320.000"), reference="pi_1")
    second = services.confirm_payment(order.number, amount=Decimal("320.000"), reference="pi_1")
    # then
    order.refresh_from_db()
    assert (first, second) == (True, False)
    assert order.status == statuses.PAID and order.is_paid
    assert order.payment_events.count() == 1
    assert order.status_changes.get().new_status == statuses.PAID


@pytest.mark.django_db
def test_a_wrong_amount_is_not_taken_as_payment():
    product, _ = product_for_sale("Chéchia", "42.000")
    order = services.place_order(
        basket=basket_with((product, 1)), customer=GUEST, payment_method=Order.CARD, delivery=TUNIS
    )
    with pytest.raises(services.PaymentAmountMismatch):
        services.confirm_payment(order.number, amount=Decimal("1.000"), reference="pi_x")
    order.refresh_from_db()
    assert not order.is_paid


@pytest.mark.django_db
def test_abandoned_card_payment_releases_stock_and_gives_the_basket_back():
    product, record = product_for_sale("Lampe en cuivre", "89.500", stock=3)
    basket = basket_with((product, 2))
    order = services.place_order(basket=basket, customer=GUEST, payment_method=Order.CARD, delivery=TUNIS)
    # when
    assert services.cancel_unpaid_order(order.number, reason="expired") is True
    assert services.cancel_unpaid_order(order.number, reason="expired") is False
    # then
    record.refresh_from_db()
    order.refresh_from_db()
    assert record.num_allocated == 0
    assert order.status == statuses.CANCELLED
    assert set(order.lines.values_list("status", flat=True)) == {statuses.CANCELLED}
    assert Basket.objects.get(pk=basket.pk).status == Basket.OPEN
    # and the shopper can order the same basket again
    again = services.place_order(basket=basket, customer=GUEST, payment_method=Order.CARD, delivery=TUNIS)
    assert again.number == f"{order.number}-2"


@pytest.mark.django_db
def test_cash_on_delivery_is_refused_for_a_basket_with_a_digital_file():
    ebook, _ = product_for_sale("Guide PDF de la poterie", "19.000", product_class=digital_class())
    with pytest.raises(CashOnDeliveryNotAvailable):
        services.place_order(
            basket=basket_with((ebook, 1)), customer=GUEST, payment_method=Order.CASH_ON_DELIVERY
        )


@pytest.mark.django_db
def test_a_digital_only_basket_needs_no_address_and_no_delivery_charge():
    ebook, _ = product_for_sale("Guide PDF de la poterie", "19.000", product_class=digital_class())
    order = services.place_order(basket=basket_with((ebook, 1)), customer=GUEST, payment_method=Order.CARD)
    assert order.shipping_address is None
    assert order.total_incl_tax == Decimal("19.000")
    assert order.shipping_incl_tax == Decimal("0")


@pytest.mark.django_db
def test_more_than_the_stock_is_refused_with_a_message_and_nothing_is_written():
    product, record = product_for_sale("Jebba brodée", "240.000", stock=1)
    basket = basket_with((product, 1))
    basket.lines.update(quantity=2)  # the basket was filled when there were more
    with pytest.raises(OutOfStock, match="Il ne reste que 1"):  # the shopper reads French
        services.place_order(basket=basket, customer=GUEST, payment_method=Order.CARD, delivery=TUNIS)
    record.refresh_from_db()
    assert record.num_allocated in (None, 0)
    assert not Order.objects.exists()
    assert Basket.objects.get(pk=basket.pk).status == Basket.OPEN


@pytest.mark.django_db
def test_two_sellers_one_order_with_commission_per_line_to_the_millime():
    # given: awkward prices, two sellers
    vase, _ = product_for_sale("Vase de Nabeul", "12.345", shop="Dar Nabeul")
    scarf, _ = product_for_sale("Foulard en soie", "33.335", shop="Jebba & Co")
    basket = basket_with((vase, 3), (scarf, 1))
    # when
    order = services.place_order(basket=basket, customer=GUEST, payment_method=Order.CARD, delivery=TUNIS)
    # then: every amount is exact to the millime
    lines = {line.partner_name: line for line in order.lines.all()}
    assert lines["Dar Nabeul"].line_price_incl_tax == Decimal("37.035")
    assert lines["Jebba & Co"].line_price_incl_tax == Decimal("33.335")
    assert lines["Dar Nabeul"].commission_amount == Decimal("7.407")  # 20 % of 37.035, half-up
    assert lines["Jebba & Co"].commission_amount == Decimal("6.667")
    assert order.total_incl_tax == Decimal("77.370")  # 70.370 + 7.000 delivery
    for line in lines.values():
        assert (
            line.line_price_excl_tax + (line.line_price_incl_tax - line.line_price_excl_tax)
            == line.line_price_incl_tax
        )
        assert line.unit_price_excl_tax.as_tuple().exponent == -3


@pytest.mark.django_db
def test_basket_and_order_totals_keep_every_millime():
    # given: prices whose sum is not a whole number of hundredths (Oscar rounds totals to two decimals)
    vase, _ = product_for_sale("Vase de Nabeul", "12.345")
    plate, _ = product_for_sale("Assiette", "33.331")
    basket = basket_with((vase, 1), (plate, 1))
    # then: the basket and the order add up to the millime
    assert basket.total_incl_tax == Decimal("45.676")
    order = services.place_order(basket=basket, customer=GUEST, payment_method=Order.CARD, delivery=TUNIS)
    assert order.basket_total_incl_tax == Decimal("45.676")
    assert order.total_incl_tax == Decimal("52.676")  # + 7.000 delivery
    assert order.total_excl_tax + order.total_tax == order.total_incl_tax


@pytest.mark.django_db
@pytest.mark.parametrize("payment_method", [Order.CASH_ON_DELIVERY, Order.CARD])
def test_a_second_submit_of_the_same_basket_is_refused_and_orders_once(payment_method):
    # given: the request's basket object, as a double click would post it twice
    product, record = product_for_sale("Plat de Nabeul", "30.000", stock=5)
    basket = basket_with((product, 1))
    services.place_order(basket=basket, customer=GUEST, payment_method=payment_method, delivery=TUNIS)
    # when: the same object (still "open" in memory) is submitted again
    with pytest.raises(BasketAlreadySubmitted):
        services.place_order(basket=basket, customer=GUEST, payment_method=payment_method, delivery=TUNIS)
    # then: one order, one unit held
    record.refresh_from_db()
    assert Order.objects.filter(basket=basket).count() == 1
    assert record.num_allocated == 1
