"""The API after the sale, as written in the contract: ``payment_status``, ``refunds`` and
``credit_notes`` on an order; ``POST /api/orders/<number>/cancel/`` (200 with the order, or 409 with
the reason); ``POST``/``GET /api/orders/<number>/returns/`` (201)."""

import pytest
import yaml
from oscar.core.loading import get_model
from rest_framework.test import APIClient

from commerce.order import statuses
from commerce.order.services import change_order_status
from commerce.payment.refunds import refund_order
from commerce.payment.stripe import sessions
from tests.factories import make_user
from tests.factories.stripe import checkout_urls, place_card_order

Order = get_model("order", "Order")


@pytest.fixture
def api(customer):
    client = APIClient()
    client.force_authenticate(customer)
    return client


def deliver(order):
    for status in (statuses.PROCESSING, statuses.SHIPPED, statuses.DELIVERED):
        change_order_status(order, status)


def test_an_order_tells_its_payment_status_refunds_and_credit_notes(api, paid_order, plate, stripe_fake):
    url = f"/api/orders/{paid_order.number}/"
    body = api.get(url).json()
    assert (body["payment_status"], body["refunds"], body["credit_notes"]) == ("paid", [], [])

    line = paid_order.lines.get(product=plate)
    refund_order(paid_order, lines=[line])

    body = api.get(url).json()
    assert body["payment_status"] == "partly_refunded"
    (refund,) = body["refunds"]
    assert set(refund) == {"amount", "lines", "created"}
    assert refund["amount"] == "12.500" and refund["lines"] == [{"line": line.pk, "quantity": 1}]
    (note,) = body["credit_notes"]
    assert set(note) == {"number", "url"}
    pdf = api.get(note["url"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_cancelling_a_paid_order_refunds_it(api, paid_order, stripe_fake):
    response = api.post(f"/api/orders/{paid_order.number}/cancel/")
    assert response.status_code == 200
    body = response.json()
    assert body["number"] == paid_order.number and body["payment_status"] == "refunded"
    assert body["status"] == statuses.REFUNDED
    assert sum(refund["amount"] for refund in stripe_fake.refunds.values()) == 119310


def test_cancelling_an_unpaid_order_releases_it(api, customer, tajine, stripe_fake):
    order = place_card_order([(tajine, 1)], user=customer)
    record = sessions.start_checkout(order, **checkout_urls())
    response = api.post(f"/api/orders/{order.number}/cancel/")
    assert response.status_code == 200 and response.json()["status"] == statuses.CANCELLED
    assert stripe_fake.sessions[record.session_id]["status"] == "expired"  # it can no longer be paid
    assert not stripe_fake.refunds


def test_a_shipped_order_cannot_be_cancelled_409_with_the_reason(api, paid_order, stripe_fake):
    change_order_status(paid_order, statuses.PROCESSING)
    change_order_status(paid_order, statuses.SHIPPED)
    response = api.post(f"/api/orders/{paid_order.number}/cancel/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 409
    assert "shipped" in response.json()["detail"]
    assert Order.objects.get(pk=paid_order.pk).status == statuses.SHIPPED and not stripe_fake.refunds


def test_returns_are_asked_and_listed(api, paid_order, tajine, stripe_fake):
    deliver(paid_order)
    line = paid_order.lines.get(product=tajine)
    url = f"/api/orders/{paid_order.number}/returns/"

    response = api.post(
        url, {"lines": [{"line": line.pk, "quantity": 1}], "reason": "Fissuré"}, format="json"
    )

    assert response.status_code == 201
    (made,) = response.json()
    assert made["status"] == "requested" and made["lines"] == [{"line": line.pk, "quantity": 1}]
    listed = api.get(url).json()
    assert [item["id"] for item in listed] == [made["id"]]


def test_a_return_of_more_than_was_bought_is_refused_400(api, paid_order, tajine):
    deliver(paid_order)
    line = paid_order.lines.get(product=tajine)
    response = api.post(
        f"/api/orders/{paid_order.number}/returns/",
        {"lines": [{"line": line.pk, "quantity": 5}], "reason": "x"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["detail"]


def test_someone_elses_order_is_404(paid_order):
    client = APIClient()
    client.force_authenticate(make_user(email="other@example.com"))
    assert client.post(f"/api/orders/{paid_order.number}/cancel/").status_code == 404
    assert client.get(f"/api/orders/{paid_order.number}/returns/").status_code == 404


@pytest.mark.django_db
def test_the_schema_documents_the_after_sale_contract(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    paths = schema["paths"]
    assert {"200", "409"} <= set(paths["/api/orders/{number}/cancel/"]["post"]["responses"])
    assert "201" in paths["/api/orders/{number}/returns/"]["post"]["responses"]
    assert "get" in paths["/api/orders/{number}/returns/"]
    order = schema["components"]["schemas"]["Order"]["properties"]
    assert {"payment_status", "refunds", "credit_notes"} <= set(order)
    refund = schema["components"]["schemas"]["Refund"]["properties"]
    assert set(refund) == {"amount", "lines", "created"}
