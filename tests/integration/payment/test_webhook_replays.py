"""Stripe delivers at least once, in any order, sometimes at the same moment as the shopper's return:
whatever arrives, and however often, the order is fulfilled exactly once."""

import threading

import pytest
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from commerce.order import statuses
from tests.factories.stripe import post_event

from .conftest import ONCE, fulfilments

Order = get_model("order", "Order")
ProcessedStripeEvent = get_model("payment", "ProcessedStripeEvent")

CONCURRENCY = 25


def run_together(count, work):
    """``work(i)`` in ``count`` threads released at once by a barrier; their results, in order."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def target(index):
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - reported to the test below
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.django_db(transaction=True)
def test_the_same_event_replayed_25_times_at_once_then_out_of_order_fulfils_once(
    stripe_fake, card_order, checkout_session
):
    # Given the completed event of a paid session
    completed = stripe_fake.pay(checkout_session.session_id)

    # When it is delivered 25 times at the same moment, each by its own client and connection
    responses = run_together(CONCURRENCY, lambda _i: post_event(Client(), completed, fake=stripe_fake))

    # Then every delivery is acknowledged, exactly one applied it
    assert [getattr(r, "status_code", r) for r in responses] == [200] * CONCURRENCY
    outcomes = sorted(r.json()["outcome"] for r in responses)
    assert outcomes == ["already-processed"] * (CONCURRENCY - 1) + ["confirmed"]
    order = Order.objects.get(pk=card_order.pk)
    assert order.status == statuses.PAID
    assert fulfilments(order) == ONCE

    # When an older "expired" event for the same session arrives afterwards
    stale = stripe_fake.event(
        "checkout.session.expired", {**completed["data"]["object"], "status": "expired"}
    )
    response = post_event(Client(), stale, fake=stripe_fake)

    # Then it is acknowledged and changes nothing
    assert response.json()["outcome"] == "nothing-to-do"
    assert Order.objects.get(pk=card_order.pk).status == statuses.PAID
    assert fulfilments(order) == ONCE
    assert ProcessedStripeEvent.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_webhooks_and_success_redirects_racing_each_other_fulfil_once(
    stripe_fake, card_order, checkout_session
):
    # Given a paid session, whose completion Stripe also re-sends as a second event (another id)
    completed = stripe_fake.pay(checkout_session.session_id)
    resent = stripe_fake.event("checkout.session.async_payment_succeeded", completed["data"]["object"])
    return_url = f"/en/checkout/stripe/return/?session_id={checkout_session.session_id}"

    def work(index):
        if index % 3 == 0:
            return Client().get(return_url)
        return post_event(Client(), completed if index % 3 == 1 else resent, fake=stripe_fake)

    # When shoppers' returns and both events all arrive at once
    responses = run_together(CONCURRENCY, work)

    # Then all succeed (shoppers are redirected to their order, Stripe gets its 200), fulfilled once
    expected = [302 if index % 3 == 0 else 200 for index in range(CONCURRENCY)]
    assert [getattr(r, "status_code", r) for r in responses] == expected
    assert fulfilments(Order.objects.get(pk=card_order.pk)) == ONCE
