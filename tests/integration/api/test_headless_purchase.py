"""A complete purchase through the REST API alone: catalogue → basket → checkout → order → invoice."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia


@pytest.mark.django_db
def test_a_customer_buys_cash_on_delivery_through_the_api_alone(
    token_client, django_capture_on_commit_callbacks
):
    # given: two sellers' products in the catalogue
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", shop="Dar Nabeul")
    product_for_sale("Foulard en soie", "33.335", shop="Jebba & Co")
    # when: the client browses with a filter
    listing = token_client.get("/api/products/", {"max_price": "40"}).json()
    assert [product["title"] for product in listing["results"]] == ["Foulard en soie"]
    detail = token_client.get(f"/api/products/{tajine.pk}/").json()
    assert detail["price"]["incl_tax"] == "45.000"
    assert detail["price"]["tax"] == "7.185"
    # and fills the basket
    added = token_client.post("/api/basket/lines/", {"product": tajine.pk, "quantity": 2}, format="json")
    assert added.status_code == 201, added.content
    line_id = added.json()["lines"][0]["id"]
    updated = token_client.patch(f"/api/basket/lines/{line_id}/", {"quantity": 3}, format="json").json()
    assert updated["total_incl_tax"] == "135.000"
    # and checks out, paying the courier
    with django_capture_on_commit_callbacks(execute=True):
        placed = token_client.post(
            "/api/checkout/",
            {
                "first_name": "Hédi",
                "last_name": "Mansour",
                "email": "headless@example.com",
                "phone": "20 123 456",
                "payment_method": "cod",
                "line1": "5 avenue Bourguiba",
                "city": "Sfax",
            },
            format="json",
        )
    # then
    assert placed.status_code == 201, placed.content
    order = placed.json()["order"]
    assert placed.json()["payment_url"] is None
    assert order["status"] == "processing"
    assert Decimal(order["total_incl_tax"]) == Decimal("142.000")  # 3 × 45.000 + 7.000 delivery
    orders = token_client.get("/api/orders/").json()["results"]
    assert [listed["number"] for listed in orders] == [order["number"]]
    invoices = token_client.get(f"/api/orders/{order['number']}/").json()["invoices"]
    assert invoices, "a cash-on-delivery order is invoiced when confirmed"
    pdf = token_client.get(invoices[0]["url"])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_checkout_errors_are_explained_and_validation_is_per_field(token_client):
    ensure_tunisia()
    empty = token_client.post(
        "/api/checkout/",
        {
            "first_name": "A",
            "last_name": "B",
            "email": "a@example.com",
            "phone": "20 123 456",
            "payment_method": "cod",
        },
        format="json",
    )
    assert empty.status_code == 400
    assert "vide" in empty.json()["detail"]  # "Votre panier est vide."
    invalid = token_client.post("/api/checkout/", {"email": "not-an-email", "phone": "12"}, format="json")
    assert invalid.status_code == 400
    assert {"email", "phone", "payment_method", "first_name"} <= set(invalid.json())


@pytest.mark.django_db
def test_orders_need_authentication_and_show_only_ones_own(client):
    assert APIClient().get("/api/orders/").status_code == 401
