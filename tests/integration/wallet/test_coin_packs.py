"""Coin packs: bought by card only and by signed-in shoppers, credited once when paid (however often
Stripe's webhook arrives), refunded only for the coins still unspent."""

from decimal import Decimal

import pytest
from django.test import Client
from oscar.core.loading import get_model

from commerce.checkout import services as checkout
from commerce.checkout.exceptions import AccountRequired, CashOnDeliveryNotAvailable
from commerce.fulfilment.models import FulfilledLine
from commerce.payment.refunds import RefundError, RefundPending, confirm_refund, refund_order
from commerce.payment.stripe import sessions
from commerce.wallet import services
from commerce.wallet.models import Transaction
from commerce.wallet.selectors import reconcile, wallet_summary
from tests.factories.checkout import GUEST, basket_with, ensure_tunisia
from tests.factories.stripe import checkout_urls, pay, place_card_order, post_event
from tests.factories.wallet import coin_pack, run_together

Order = get_model("order", "Order")
Refund = get_model("payment", "Refund")


@pytest.fixture
def pack(db):
    return coin_pack(coins=100, price="50.000")


@pytest.mark.django_db(transaction=True)
def test_a_coin_pack_paid_by_card_with_the_webhook_replayed_10_times_at_once_credits_once(
    stripe_fake, shopper, pack
):
    # Given a card order of 2 packs of 100 coins, paid at Stripe
    order = place_card_order([(pack, 2)], user=shopper)
    session = sessions.start_checkout(order, **checkout_urls())
    completed = stripe_fake.pay(session.session_id)

    # When Stripe's event arrives 10 times at the same moment
    responses = run_together(10, lambda _i: post_event(Client(), completed, fake=stripe_fake))

    # Then one delivery confirmed the order and the wallet got 200 coins, once
    outcomes = sorted(response.json()["outcome"] for response in responses)
    assert outcomes == ["already-processed"] * 9 + ["confirmed"]
    assert wallet_summary(shopper) == (200, 0)
    credit = Transaction.objects.get(kind="cash_in")
    assert (credit.reference, credit.idempotency_key) == (
        order.number,
        f"coin-pack:line:{order.lines.get().pk}",
    )
    assert FulfilledLine.objects.filter(line__order=order, step="coin-pack").count() == 1
    assert reconcile().ok


@pytest.mark.django_db
def test_fulfilling_a_paid_order_again_credits_nothing_more(stripe_fake, client, shopper, pack):
    from commerce.fulfilment.services import fulfil_order

    order = pay(place_card_order([(pack, 1)], user=shopper), client, stripe_fake)

    assert fulfil_order(order) == []
    assert wallet_summary(shopper) == (100, 0)


@pytest.mark.django_db
def test_guests_cannot_buy_coins_and_are_sent_to_sign_in(client, pack):
    ensure_tunisia()
    with pytest.raises(AccountRequired, match="/accounts/login/"):
        checkout.place_order(basket=basket_with((pack, 1)), customer=GUEST, payment_method="card")
    assert not Order.objects.exists()

    # A guest's checkout page sends them to sign in, and back to the checkout afterwards
    client.post(f"/fr/basket/add/{pack.pk}/", {"quantity": 1})
    response = client.get("/fr/checkout/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] and "next=/fr/checkout/" in response["Location"]


@pytest.mark.django_db
def test_coin_packs_cannot_be_paid_cash_on_delivery(shopper, pack):
    ensure_tunisia()
    customer = checkout.Customer("Amira", "Ben Salah", shopper.email, "+21620123456", shopper)

    with pytest.raises(CashOnDeliveryNotAvailable):
        checkout.place_order(
            basket=basket_with((pack, 1), owner=shopper), customer=customer, payment_method="cod"
        )
    assert not Order.objects.exists()


@pytest.fixture
def spent_order(stripe_fake, client, shopper, expert, pack):
    """2 packs of 100 coins paid by card, then 30 coins spent on an expert: 170 left."""
    order = pay(place_card_order([(pack, 2)], user=shopper), client, stripe_fake)
    services.capture(services.hold(shopper, 30, reference="Question", key="q1"), earner=expert)
    assert wallet_summary(shopper) == (170, 0)
    return order


@pytest.mark.django_db
def test_a_refund_needing_spent_coins_is_refused_with_the_reason_and_changes_nothing(
    stripe_fake, spent_order, shopper
):
    with pytest.raises(RefundError, match="170"):
        refund_order(spent_order)

    assert wallet_summary(shopper) == (170, 0)
    assert not Refund.objects.exists() and not stripe_fake.refunds


@pytest.mark.django_db
def test_a_limited_refund_returns_only_the_packs_still_unspent(stripe_fake, spent_order, shopper):
    # When the admin limits the refund of both packs to what is left
    record = refund_order(spent_order, limit_to_revocable=True)

    # Then one pack (100 coins) left the wallet and one pack's price went back to the card
    assert wallet_summary(shopper) == (70, 0)
    assert record.status == Refund.SUCCEEDED
    assert [(line.quantity, line.amount) for line in record.lines.all()] == [(1, Decimal("50.000"))]
    assert [refund["amount"] for refund in stripe_fake.refunds.values()] == [50000]
    assert reconcile().ok

    # And the other pack cannot be refunded: its coins are partly spent
    with pytest.raises(RefundError, match="70"):
        refund_order(spent_order)


@pytest.mark.django_db
def test_a_card_refund_that_fails_gives_the_coins_back(stripe_fake, client, shopper, pack):
    order = pay(place_card_order([(pack, 1)], user=shopper), client, stripe_fake)
    stripe_fake.fail_next("/v1/refunds")
    with pytest.raises(RefundPending) as pending:
        refund_order(order)
    assert wallet_summary(shopper) == (0, 0)

    # When Stripe then says the refund failed
    confirm_refund(pending.value.refund.key, stripe_status="failed")

    # Then the coins are back in the wallet
    assert wallet_summary(shopper) == (100, 0)
    assert Transaction.objects.filter(kind="refund_failed").count() == 1
    assert reconcile().ok


@pytest.mark.django_db
def test_the_dashboard_refund_form_offers_the_limit_for_coin_packs(
    client, stripe_fake, spent_order, shopper, user_in_role
):
    staff = user_in_role("Platform admins", is_staff=True, is_superuser=True)
    client.force_login(staff)
    url = f"/dashboard/payments/refund/{spent_order.number}/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert b'name="limit_to_revocable"' in page.content
    token = page.context["form"].initial["token"]

    client.post(url, {"token": token, "whole_order": "1", "limit_to_revocable": "on"})

    assert wallet_summary(shopper) == (70, 0)


@pytest.mark.django_db
def test_the_api_refuses_a_guest_coin_pack_checkout_with_the_sign_in_link(anonymous_client, pack):
    ensure_tunisia()
    added = anonymous_client.post("/api/basket/lines/", {"product": pack.pk, "quantity": 1}, format="json")
    assert added.status_code == 201, added.content

    placed = anonymous_client.post(
        "/api/checkout/",
        {
            "first_name": "Amira",
            "last_name": "Ben Salah",
            "email": "amira@example.com",
            "phone": "20 123 456",
            "payment_method": "card",
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert placed.status_code == 400
    assert "sign in or create an account" in placed.json()["detail"]
    assert "/accounts/login/" in placed.json()["detail"]
    assert not Order.objects.exists()
