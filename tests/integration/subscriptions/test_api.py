"""The subscriptions API: its paths, fields and status codes are the issue's contract."""

import pytest
import yaml
from rest_framework.test import APIClient

from commerce.subscriptions.models import Subscription
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.subscriptions import deliver


@pytest.fixture
def api(subscriber):
    client = APIClient()
    client.force_authenticate(subscriber)
    return client


@pytest.fixture
def subscribed(api, client, stripe_fake, plan):
    response = api.post("/api/subscriptions/", {"product": plan.product.pk}, format="json")
    assert response.status_code == 201, response.content
    seen = len(stripe_fake.events)
    stripe_fake.pay(response.json()["checkout_url"].rsplit("/", 1)[-1])
    deliver(client, stripe_fake, stripe_fake.events[seen:])
    return Subscription.objects.get()


def test_post_answers_the_url_of_stripe_checkout_in_subscription_mode(api, stripe_fake, plan):
    response = api.post("/api/subscriptions/", {"product": plan.product.pk}, format="json")

    assert response.status_code == 201
    url = response.json()["checkout_url"]
    session = stripe_fake.sessions[url.rsplit("/", 1)[-1]]
    assert session["mode"] == "subscription" and session["amount_total"] == 39000


def test_get_lists_the_callers_subscriptions(api, subscribed):
    response = api.get("/api/subscriptions/")

    assert response.status_code == 200
    [row] = response.json()
    assert row["id"] == subscribed.pk and row["status"] == "active" and row["amount"] == "39.000"
    assert row["interval"] == "month" and row["coins_received"] == 20 and row["next_renewal"]
    assert row["cancel_at_period_end"] is False and row["paused_until"] is None


def test_cancel_resume_and_pause(api, subscribed):
    base = f"/api/subscriptions/{subscribed.pk}"

    assert api.post(f"{base}/cancel/").json()["cancel_at_period_end"] is True
    assert api.post(f"{base}/resume/").json()["cancel_at_period_end"] is False
    paused = api.post(f"{base}/pause/", {"periods": 2}, format="json")
    assert paused.status_code == 200 and paused.json()["paused_until"]
    assert api.post(f"{base}/resume/").json()["paused_until"] is None


def test_bad_input_is_refused_and_changes_nothing(api, subscribed, stripe_fake, db):
    base = f"/api/subscriptions/{subscribed.pk}"
    bad_pause = api.post(f"{base}/pause/", {"periods": 0}, format="json")
    not_a_plan = api.post("/api/subscriptions/", {"product": product_for_sale()[0].pk}, format="json")
    again = api.post("/api/subscriptions/", {"product": subscribed.plan.product.pk}, format="json")

    assert bad_pause.status_code == 400 and "periods" in bad_pause.json()
    assert not_a_plan.status_code == 400 and "product" in not_a_plan.json()
    assert again.status_code == 409 and again.json()["detail"]
    assert stripe_fake.subscriptions[subscribed.stripe_subscription_id]["pause_collection"] is None


def test_another_customers_subscription_is_not_found(subscribed):
    stranger = APIClient()
    stranger.force_authenticate(make_user("other@example.com"))

    assert stranger.post(f"/api/subscriptions/{subscribed.pk}/cancel/").status_code == 404
    assert stranger.get("/api/subscriptions/").json() == []
    assert APIClient().get("/api/subscriptions/").status_code in (401, 403)


def test_the_schema_documents_the_subscriptions_contract(client):
    paths = yaml.safe_load(client.get("/api/schema/").content)["paths"]

    assert {"get", "post"} <= set(paths["/api/subscriptions/"])
    assert {"201", "400", "409"} <= set(paths["/api/subscriptions/"]["post"]["responses"])
    for action in ("cancel", "resume", "pause"):
        assert {"200", "404"} <= set(paths[f"/api/subscriptions/{{id}}/{action}/"]["post"]["responses"])
