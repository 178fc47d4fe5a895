"""Where conversations start: "contact the seller" on a product page and on an order page."""

import pytest
from django.utils import translation

from commerce.messaging.models import Thread
from tests.factories.stripe import place_card_order

pytestmark = pytest.mark.django_db


def test_the_product_page_offers_to_contact_its_seller_and_opens_the_thread(client, customer, tajine, fakhar):
    # given: a signed-in shopper on a product page
    client.force_login(customer)
    with translation.override("fr"):
        page = client.get(tajine.get_absolute_url()).content.decode()
    assert 'action="/fr/messages/contact-seller/"' in page
    assert f'name="seller" value="{fakhar.pk}"' in page
    # when: they click the button
    answer = client.post("/fr/messages/contact-seller/", {"seller": fakhar.pk, "product": tajine.pk})
    # then: the conversation about that product is open, and they are on it
    thread = Thread.objects.get()
    assert (thread.partner, thread.product) == (fakhar, tajine)
    assert answer.status_code == 302 and answer["Location"] == f"/fr/messages/{thread.pk}/"
    assert client.get(answer["Location"]).status_code == 200


def test_a_visitor_is_asked_to_sign_in_first(client, tajine):
    with translation.override("fr"):
        page = client.get(tajine.get_absolute_url()).content.decode()
    assert "Connectez-vous pour écrire au vendeur" in page
    assert client.post("/fr/messages/contact-seller/", {"seller": 1}).status_code == 302
    assert Thread.objects.count() == 0


def test_the_order_page_offers_each_of_its_shops(client, customer, tajine, plate, fakhar, jebba):
    order = place_card_order([(tajine, 1), (plate, 1)], user=customer)
    client.force_login(customer)
    page = client.get(f"/fr/accounts/orders/{order.number}/").content.decode()
    assert page.count('action="/fr/messages/contact-seller/"') == 2
    answer = client.post("/fr/messages/contact-seller/", {"seller": jebba.pk, "order": order.number})
    thread = Thread.objects.get()
    assert (thread.partner, thread.order) == (jebba, order)
    assert answer["Location"] == f"/fr/messages/{thread.pk}/"


def test_nobody_opens_a_thread_about_someone_elses_order(client, customer, tajine, fakhar, user_in_role):
    order = place_card_order([(tajine, 1)], user=customer)
    client.force_login(user_in_role())
    answer = client.post("/fr/messages/contact-seller/", {"seller": fakhar.pk, "order": order.number})
    assert answer.status_code == 404
    assert Thread.objects.count() == 0


def test_the_cms_menu_leads_support_agents_to_the_console(client, user_in_role):
    from commerce.users.roles import MARKETING, SUPPORT

    agent = user_in_role(SUPPORT, is_staff=True)
    client.force_login(agent)
    assert "/support/" in client.get("/cms/").content.decode()
    client.force_login(user_in_role(MARKETING, is_staff=True))
    assert "/support/" not in client.get("/cms/").content.decode()
