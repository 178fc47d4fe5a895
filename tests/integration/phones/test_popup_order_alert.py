"""The pop-up checkout's new-order alert reaches the admin on duty's phone through notify()."""

import time

import pytest
from oscar.core.loading import get_model

from commerce.checkout.notices import POPUP_ORDER
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia, guest_form

Notification = get_model("notifications", "Notification")


def buy(client, product, **form):
    return client.post(f"/fr/checkout/buy/{product.pk}/", {**guest_form("cod"), "quantity": 2, **form})


@pytest.mark.django_db
def test_a_pop_up_order_rings_the_admin_on_dutys_phone(
    client, phones_fake, django_capture_on_commit_callbacks
):
    # Given an admin on duty (the first superuser) and a tajine sold by the pop-up
    admin = make_user("admin@example.com", is_superuser=True, is_staff=True)
    make_user("second-admin@example.com", is_superuser=True, is_staff=True)
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", stock=5)

    # When a guest orders two from the pop-up, cash on delivery
    with django_capture_on_commit_callbacks(execute=True):
        response = buy(client, tajine)
    assert response.status_code == 302

    # Then the admin on duty (only them) is told, in their centre and on both phones, once
    order = get_model("order", "Order").objects.get()
    (notification,) = Notification.objects.filter(event=POPUP_ORDER)
    assert notification.recipient == admin
    assert notification.title == f"Nouvelle commande {order.number} (pop-up)"
    (telegram,) = phones_fake.telegram.messages
    assert f"Nouvelle commande {order.number}" in telegram["text"]
    assert "2 × Tajine émaillé" in telegram["text"]
    assert "paiement à la livraison" in telegram["text"]
    assert f"/dashboard/orders/{order.number}/" in telegram["text"]
    (whatsapp,) = phones_fake.whatsapp.messages
    assert f"Nouvelle commande {order.number}" in whatsapp["text"]


@pytest.mark.django_db
def test_no_admin_on_duty_no_alert_and_the_order_still_goes(
    client, phones_fake, django_capture_on_commit_callbacks
):
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", stock=5)

    with django_capture_on_commit_callbacks(execute=True):
        response = buy(client, tajine)

    assert response.status_code == 302
    assert get_model("order", "Order").objects.count() == 1
    assert phones_fake.received() == {"telegram": [], "whatsapp": []}


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_telegram_fake_has_the_order_within_ten_seconds_through_the_real_worker(
    client, phones_fake, async_tasks
):
    # Given an admin on duty and a product (committed: the worker reads them)
    make_user("admin@example.com", is_superuser=True, is_staff=True)
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", stock=5)

    # When a guest orders from the pop-up
    started = time.monotonic()
    assert buy(client, tajine).status_code == 302

    # Then the worker (notify's delivery, then the phones queue) sends it to Telegram within 10 s
    while not phones_fake.telegram.messages:
        assert time.monotonic() - started < 10, "no Telegram alert within 10 seconds"
        time.sleep(0.05)
    number = get_model("order", "Order").objects.get().number
    assert f"Nouvelle commande {number}" in phones_fake.telegram.messages[0]["text"]
