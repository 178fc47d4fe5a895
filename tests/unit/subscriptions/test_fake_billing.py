"""The fake's Stripe Billing without HTTP: proration like Stripe's, dunning's retry schedule, pause."""

from commerce.payment.stripe.fake import FakeStripe
from commerce.payment.stripe.fake.billing import DAY, DECLINING_CARD, RETRY_DAYS


def _subscribed(fake, amount=39000):
    clock = fake.create_test_clock({"frozen_time": 1_800_000_000})
    customer = fake.create_customer({"email": "nour@example.com", "test_clock": clock["id"]})
    product = fake.create_product({"name": "Cours"})
    price = fake.create_price(
        {
            "currency": "tnd",
            "unit_amount": amount,
            "product": product["id"],
            "recurring": {"interval": "month"},
        }
    )
    session = fake.create_session(
        {
            "mode": "subscription",
            "customer": customer["id"],
            "line_items": [{"price": price["id"], "quantity": "1"}],
            "success_url": "http://shop/",
        }
    )
    fake.pay(session["id"])
    [sub] = fake.subscriptions.values()
    return clock, customer, sub


def test_changing_price_halfway_credits_half_the_old_and_charges_half_the_new():
    fake = FakeStripe(webhook_secret="whsec_x")
    clock, _, sub = _subscribed(fake)
    item = sub["items"]["data"][0]
    halfway = item["current_period_start"] + (item["current_period_end"] - item["current_period_start"]) // 2
    fake.advance_test_clock(clock["id"], halfway)
    product = fake.create_product({"name": "Cours annuel"})
    yearly = fake.create_price(
        {
            "currency": "tnd",
            "unit_amount": 390000,
            "product": product["id"],
            "recurring": {"interval": "year"},
        }
    )

    preview = fake.preview_invoice(
        {
            "subscription": sub["id"],
            "subscription_details": {"items": [{"id": item["id"], "price": yearly["id"]}]},
        }
    )

    assert [line["amount"] for line in preview["lines"]["data"]] == [-19500, 195000]
    assert all(line["amount"] % 10 == 0 for line in preview["lines"]["data"]), "TND amounts end in 0"


def test_a_declined_renewal_is_retried_on_schedule_then_canceled():
    fake = FakeStripe(webhook_secret="whsec_x")
    clock, customer, sub = _subscribed(fake)
    fake.set_card(customer["id"], DECLINING_CARD)

    fake.advance_test_clock(
        clock["id"], sub["items"]["data"][0]["current_period_end"] + (sum(RETRY_DAYS) + 1) * DAY
    )

    failures = fake.events_of("invoice.payment_failed")
    assert len(failures) == len(RETRY_DAYS) + 1
    assert failures[-1]["data"]["object"]["next_payment_attempt"] is None
    assert fake.subscriptions[sub["id"]]["status"] == "canceled"
    assert [e["type"] for e in fake.events][-1] == "customer.subscription.deleted"


def test_a_paused_period_voids_its_invoice_and_charges_nothing():
    fake = FakeStripe(webhook_secret="whsec_x")
    clock, _, sub = _subscribed(fake)
    end = sub["items"]["data"][0]["current_period_end"]
    fake.update_subscription(
        sub["id"], {"pause_collection": {"behavior": "void", "resumes_at": str(end + 40 * DAY)}}
    )

    fake.advance_test_clock(clock["id"], end + 60)

    [voided] = fake.events_of("invoice.voided")
    assert voided["data"]["object"]["amount_paid"] == 0
    assert len(fake.events_of("invoice.paid")) == 1, "only the first period was paid"
