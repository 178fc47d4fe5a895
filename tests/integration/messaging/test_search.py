"""Search in one's messages: PostgreSQL full-text search in french, arabic and simple configurations,
over a tsvector column the database fills (a trigger), restricted to the threads one may read."""

import pytest

from commerce.messaging import selectors, services
from commerce.messaging.models import Message
from tests.factories.messaging import make_cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    cast = make_cast()
    for text in (
        "Les livraisons vers Sousse prennent trois jours.",
        "مرحبا، متى تصل الطلبات إلى صفاقس؟",
        "Merci pour les المنتجات, tout est parfait.",
    ):
        services.post_message(cast.seller_thread, sender=cast.client, body=text)
    return cast


def found(user, text):
    return [message.body for message in selectors.search_messages(user, text)]


def test_the_database_fills_the_search_column_on_every_write(cast):
    message = Message.objects.filter(body__startswith="Les livraisons").get()
    assert message.search is not None
    Message.objects.filter(pk=message.pk).update(body="Colis remis au transporteur")
    message.refresh_from_db()
    assert "transporteur" in message.search


def test_french_words_are_found_by_their_stem(cast):
    assert found(cast.client, "livraison") == ["Les livraisons vers Sousse prennent trois jours."]


def test_arabic_words_are_found_by_their_stem(cast):
    # "طلب" (an order) finds "الطلبات" (the orders); "منتج" finds "المنتجات" inside a French sentence
    assert found(cast.client, "طلب") == ["مرحبا، متى تصل الطلبات إلى صفاقس؟"]
    assert found(cast.client, "منتج") == ["Merci pour les المنتجات, tout est parfait."]


def test_search_covers_only_threads_one_may_read(cast):
    assert found(cast.seller, "livraison")
    assert found(cast.other_client, "livraison") == []
    assert found(cast.other_seller, "livraison") == []


def test_the_api_searches_one_thread_with_q(client, cast):
    client.force_login(cast.client)
    answer = client.get(f"/api/threads/{cast.seller_thread.pk}/messages/", {"q": "الطلب"})
    assert answer.status_code == 200
    assert [frame["body"] for frame in answer.json()["results"]] == ["مرحبا، متى تصل الطلبات إلى صفاقس؟"]
