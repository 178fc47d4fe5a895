"""Licence keys: issued per paid line with its seats, shown on the buyer's order page only, checked
by the public API (verify, activate within the seats, deactivate), rate-limited, disabled by refunds."""

import pytest
import yaml
from django.core.cache import cache
from django.test import Client
from pghistory.models import Events

from commerce.digital import services
from commerce.digital.models import LicenceKey
from commerce.payment.refunds import refund_order
from tests.factories import make_user
from tests.factories.digital import digital_product
from tests.factories.stripe import pay, place_card_order


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


@pytest.fixture
def app(db):
    return digital_product(title="Éditeur Markdown", licences="generated", seats=2)


@pytest.fixture
def key(client, stripe_fake, buyer, app):
    order = pay(place_card_order([(app, 1)], user=buyer), client, stripe_fake)
    return LicenceKey.objects.get(line__order=order)


def call(action, **body):
    return Client().post(f"/api/licenses/{action}/", body, content_type="application/json")


@pytest.mark.django_db
def test_a_paid_line_gets_one_key_with_the_products_seats_shown_on_its_order_page(client, buyer, key, app):
    assert (key.seats, key.status, key.product) == (2, "active", app)
    client.force_login(buyer)
    assert key.key in client.get(f"/fr/accounts/orders/{key.line.order.number}/").content.decode()
    client.force_login(make_user("other@example.com"))
    assert client.get(f"/fr/accounts/orders/{key.line.order.number}/").status_code == 404


@pytest.mark.django_db
def test_verify_activate_and_deactivate_follow_the_seats(key, app):
    assert call("verify", product=app.pk, key=key.key).json() == {
        "valid": True,
        "uses": 0,
        "seats": 2,
        "status": "active",
    }

    first = call("activate", product=app.pk, key=key.key, instance_name="laptop").json()
    second = call("activate", product=app.pk, key=key.key, instance_name="desktop").json()
    third = call("activate", product=app.pk, key=key.key, instance_name="office").json()

    assert [first["activated"], second["activated"], third["activated"]] == [True, True, False]
    assert third["uses"] == 2
    freed = call("deactivate", product=app.pk, key=key.key, instance_id=first["instance_id"]).json()
    assert (freed["deactivated"], freed["uses"]) == (True, 1)
    assert call("activate", product=app.pk, key=key.key, instance_name="office").json()["activated"] is True


@pytest.mark.django_db
def test_a_key_of_another_product_or_made_up_is_not_valid(key, app):
    other = digital_product(title="Autre")
    assert call("verify", product=other.pk, key=key.key).json()["valid"] is False
    assert call("verify", product=app.pk, key="NOPE-NOPE").json() == {
        "valid": False,
        "uses": 0,
        "seats": None,
        "status": "not_found",
    }
    assert call("activate", product=app.pk, key="NOPE", instance_name="x").status_code == 404
    assert call("verify", product="x", key="").status_code == 400


@pytest.mark.django_db
def test_disabled_and_refunded_keys_are_not_valid(key, app):
    services.set_key_status(key, LicenceKey.Status.DISABLED)
    assert call("verify", product=app.pk, key=key.key).json()["status"] == "disabled"
    assert call("activate", product=app.pk, key=key.key, instance_name="x").json()["activated"] is False

    services.set_key_status(key, LicenceKey.Status.ACTIVE)
    refund_order(key.line.order)
    assert call("verify", product=app.pk, key=key.key).json()["valid"] is False


@pytest.mark.django_db
def test_keys_come_from_the_sellers_list_when_it_has_one(client, stripe_fake, buyer):
    product = digital_product(title="Police arabe", licences="list", seats=None)
    services.import_keys(product, ["SELLER-KEY-1", "SELLER-KEY-2"])

    order = pay(place_card_order([(product, 1)], user=buyer), client, stripe_fake)

    assert list(LicenceKey.objects.filter(line__order=order).values_list("key", "seats")) == [
        ("SELLER-KEY-1", None)
    ]


@pytest.mark.django_db
def test_the_licence_api_is_rate_limited(key, app):
    answers = [call("verify", product=app.pk, key=key.key).status_code for _ in range(32)]
    assert answers[:30] == [200] * 30 and answers[-1] == 429


@pytest.mark.django_db
def test_the_openapi_schema_documents_the_downloads_and_licence_paths(client):
    paths = yaml.safe_load(client.get("/api/schema/").content)["paths"]

    assert {
        "/api/downloads/",
        "/api/licenses/verify/",
        "/api/licenses/activate/",
        "/api/licenses/deactivate/",
    } <= set(paths)
    verify = paths["/api/licenses/verify/"]["post"]
    assert set(verify["responses"]) >= {"200", "400", "429"}
    assert set(verify["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1:]) == {
        "Verify"
    }


@pytest.mark.django_db
def test_a_licence_reset_and_a_status_change_leave_history_rows(key):
    activation = services.activate(key, "Laptop")
    services.set_key_status(key, LicenceKey.Status.DISABLED)  # an UPDATE the audit trail records too
    services.reset_key(key)

    key_history = list(Events.objects.tracks(key).order_by("pgh_id").values_list("pgh_label", "pgh_data"))
    assert [label for label, _data in key_history] == ["insert", "update"]
    assert key_history[-1][1]["status"] == "disabled"
    activation_history = Events.objects.tracks(activation).order_by("pgh_id")
    assert [event.pgh_label for event in activation_history] == ["insert", "update"]
    assert activation_history.last().pgh_data["deactivated_at"] is not None
