"""The local fake answers the official library like Stripe does (no database, real HTTP)."""

import pytest
import requests
import stripe

from commerce.payment.stripe.fake import start
from commerce.payment.stripe.fake.protocol import decode_form

SECRET = "whsec_unit_fake"


@pytest.fixture
def fake():
    running = start(webhook_secret=SECRET)
    yield running
    running.stop()


@pytest.fixture
def api(fake):
    return stripe.StripeClient("sk_test_unit", base_addresses={"api": fake.url}, max_network_retries=0)


def session_params(unit_amount=49900, quantity=2):
    return {
        "mode": "payment",
        "success_url": "http://shop.test/return/?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": "http://shop.test/cancel/",
        "line_items": [
            {
                "quantity": quantity,
                "price_data": {
                    "currency": "tnd",
                    "unit_amount": unit_amount,
                    "product_data": {"name": "Tajine"},
                },
            }
        ],
        "metadata": {"order_number": "100001"},
        "payment_intent_data": {"metadata": {"order_number": "100001"}},
    }


def test_nested_form_keys_decode_like_stripe_encodes_them():
    body = "line_items[0][quantity]=2&line_items[0][price_data][currency]=tnd&metadata[a]=1&mode=payment"
    assert decode_form(body) == {
        "line_items": [{"quantity": "2", "price_data": {"currency": "tnd"}}],
        "metadata": {"a": "1"},
        "mode": "payment",
    }


def test_a_session_is_created_retrieved_and_paid_on_the_hosted_page(fake, api):
    session = api.v1.checkout.sessions.create(params=session_params())
    assert (session.amount_total, session.currency, session.status) == (99800, "tnd", "open")

    page = requests.get(session.url, timeout=10)
    assert "Test mode — no real payment" in page.text

    paid = requests.post(session.url, data={"action": "pay"}, allow_redirects=False, timeout=10)
    assert paid.status_code == 303
    assert paid.headers["Location"] == f"http://shop.test/return/?session_id={session.id}"

    again = api.v1.checkout.sessions.retrieve(session.id)
    assert (again.status, again.payment_status) == ("complete", "paid")
    intent = api.v1.payment_intents.retrieve(again.payment_intent)
    assert intent.metadata["order_number"] == "100001"
    (event,) = fake.app.events_of("checkout.session.completed")
    assert event["data"]["object"]["id"] == session.id


def test_cancel_on_the_page_goes_back_to_the_shop_and_leaves_the_session_open(api):
    session = api.v1.checkout.sessions.create(params=session_params())
    back = requests.post(session.url, data={"action": "cancel"}, allow_redirects=False, timeout=10)
    assert back.headers["Location"] == "http://shop.test/cancel/"
    assert api.v1.checkout.sessions.retrieve(session.id).status == "open"


def test_the_page_speaks_the_shoppers_language(api):
    session = api.v1.checkout.sessions.create(params=session_params())
    page = requests.get(session.url, headers={"Accept-Language": "ar,en;q=0.5"}, timeout=10)
    assert 'dir="rtl"' in page.text
    assert "لا يوجد دفع حقيقي" in page.text


def test_tnd_amounts_must_end_in_zero(api):
    with pytest.raises(stripe.InvalidRequestError) as error:
        api.v1.checkout.sessions.create(params=session_params(unit_amount=49905))
    assert error.value.http_status == 400
    assert error.value.code == "amount_invalid"


def test_live_or_missing_keys_are_refused(fake):
    live = stripe.StripeClient("sk_live_nope", base_addresses={"api": fake.url}, max_network_retries=0)
    with pytest.raises(stripe.AuthenticationError):
        live.v1.checkout.sessions.create(params=session_params())


def test_unknown_objects_answer_stripes_404(api):
    with pytest.raises(stripe.InvalidRequestError) as error:
        api.v1.checkout.sessions.retrieve("cs_test_missing")
    assert (error.value.http_status, error.value.code) == (404, "resource_missing")


def test_refunds_are_partial_or_full_never_more_than_paid_and_idempotent(fake, api):
    session = api.v1.checkout.sessions.create(params=session_params())
    fake.app.pay(session.id)
    intent = api.v1.checkout.sessions.retrieve(session.id).payment_intent

    first = api.v1.refunds.create(
        params={"payment_intent": intent, "amount": 49900}, options={"idempotency_key": "refund-1"}
    )
    replay = api.v1.refunds.create(
        params={"payment_intent": intent, "amount": 49900}, options={"idempotency_key": "refund-1"}
    )
    assert replay.id == first.id and len(fake.app.refunds) == 1
    with pytest.raises(stripe.IdempotencyError):
        api.v1.refunds.create(
            params={"payment_intent": intent, "amount": 10}, options={"idempotency_key": "refund-1"}
        )

    with pytest.raises(stripe.InvalidRequestError, match="greater than unrefunded"):
        api.v1.refunds.create(params={"payment_intent": intent, "amount": 50000})
    rest = api.v1.refunds.create(params={"payment_intent": intent})
    assert rest.amount == 49900
    with pytest.raises(stripe.InvalidRequestError) as error:
        api.v1.refunds.create(params={"payment_intent": intent})
    assert error.value.code == "charge_already_refunded"


def test_expiring_a_session_sends_the_expired_event(fake, api):
    session = api.v1.checkout.sessions.create(params=session_params())
    expired = api.v1.checkout.sessions.expire(session.id)
    fake.app.wait_for_deliveries()
    assert expired.status == "expired"
    assert [e["data"]["object"]["id"] for e in fake.app.events_of("checkout.session.expired")] == [session.id]
    with pytest.raises(stripe.InvalidRequestError):
        api.v1.checkout.sessions.expire(session.id)


def test_an_injected_failure_is_not_retried_by_the_library_and_can_lose_an_answer(fake):
    api = stripe.StripeClient("sk_test_unit", base_addresses={"api": fake.url}, max_network_retries=2)
    session = api.v1.checkout.sessions.create(params=session_params())
    fake.app.pay(session.id)
    intent = api.v1.checkout.sessions.retrieve(session.id).payment_intent
    params, options = {"payment_intent": intent, "amount": 49900}, {"idempotency_key": "refund-x"}

    # Before doing anything: nothing refunded, even though the library may retry
    fake.app.fail_next("/v1/refunds")
    with pytest.raises(stripe.APIError):
        api.v1.refunds.create(params=params, options=options)
    assert not fake.app.refunds

    # After doing it: the answer is lost, and asking again with the key replays the same refund
    fake.app.fail_next("/v1/refunds", after_processing=True)
    with pytest.raises(stripe.APIError):
        api.v1.refunds.create(params=params, options=options)
    (refund_id,) = fake.app.refunds
    assert api.v1.refunds.create(params=params, options=options).id == refund_id
    (event,) = fake.app.events_of("charge.refunded")
    assert event["data"]["object"]["refunds"]["data"][0]["id"] == refund_id
