"""The thread API's contracts: ``POST /api/threads/`` → ``201 {"id", "ws_url"}``, the history's pages,
an attachment posted as multipart, and refusals that write nothing."""

import pytest

from commerce.messaging.models import Message, Thread
from commerce.notifications.models import Notification
from tests.factories.messaging import make_cast

from .test_access import picture

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    return make_cast()


def test_a_client_opens_a_thread_with_a_seller_about_a_product(client, cast):
    client.force_login(cast.other_client)
    payload = {"seller": cast.shop.pk, "product": cast.product.pk}
    opened = client.post("/api/threads/", payload, content_type="application/json")
    assert opened.status_code == 201
    thread = Thread.objects.get(pk=opened.json()["id"])
    assert opened.json() == {"id": thread.pk, "ws_url": f"ws://testserver/ws/chat/{thread.pk}/"}
    assert (thread.kind, thread.partner, thread.product) == (Thread.SELLER, cast.shop, cast.product)
    # the same subject again: the same thread
    again = client.post("/api/threads/", payload, content_type="application/json")
    assert again.status_code == 200 and again.json()["id"] == thread.pk


def test_a_client_opens_a_support_thread_and_lists_it(client, cast):
    client.force_login(cast.other_client)
    opened = client.post("/api/threads/", {"with": "support"}, content_type="application/json")
    assert opened.status_code == 201
    listed = client.get("/api/threads/").json()
    assert [(item["id"], item["kind"], item["unread"]) for item in listed["results"]] == [
        (opened.json()["id"], "support", 0)
    ]


@pytest.mark.parametrize(
    "payload",
    [{}, {"with": "everyone"}, {"seller": 999999}, {"seller": "x"}, {"product": 1}],
    ids=["empty", "unknown-with", "unknown-seller", "not-an-id", "product-only"],
)
def test_bad_requests_are_refused_and_open_nothing(client, cast, payload):
    client.force_login(cast.other_client)
    before = Thread.objects.count()
    answer = client.post("/api/threads/", payload, content_type="application/json")
    assert answer.status_code == 400
    assert Thread.objects.count() == before


def test_a_seller_cannot_open_a_thread_with_their_own_shop(client, cast):
    client.force_login(cast.seller)
    answer = client.post("/api/threads/", {"seller": cast.shop.pk}, content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["detail"] == "C'est votre propre boutique."


def test_a_guest_needs_an_email_for_support(client):
    answer = client.post("/api/threads/", {"with": "support"}, content_type="application/json")
    assert answer.status_code == 400
    assert Thread.objects.count() == 0


def test_history_pages_newest_first_and_before_gives_older_ones(client, cast):
    thread = cast.seller_thread
    from commerce.messaging import services

    for n in range(35):
        services.post_message(thread, sender=cast.seller if n % 2 else cast.client, body=f"message {n}")
    client.force_login(cast.client)
    first = client.get(f"/api/threads/{thread.pk}/messages/").json()
    assert first["count"] == 36 and len(first["results"]) == 30
    assert first["results"][0]["body"] == "message 34"
    oldest = first["results"][-1]["id"]
    older = client.get(f"/api/threads/{thread.pk}/messages/", {"before": oldest}).json()
    assert [m["body"] for m in older["results"]][-1] == "La jebba existe-t-elle en bleu ?"
    assert len(older["results"]) == 6


def test_an_attachment_is_posted_as_multipart_and_served_to_readers_only(client, cast):
    thread = cast.seller_thread
    client.force_login(cast.client)
    answer = client.post(f"/api/threads/{thread.pk}/messages/", {"body": "La photo", "attachment": picture()})
    assert answer.status_code == 201
    frame = answer.json()
    assert frame["attachment"]["type"] == "image/png"
    download = client.get(frame["attachment"]["url"])
    assert download.status_code == 200 and "no-store" in download["Cache-Control"]
    client.force_login(cast.other_client)
    assert client.get(frame["attachment"]["url"]).status_code == 404


def test_a_refused_message_answers_why(client, cast):
    client.force_login(cast.client)
    answer = client.post(
        f"/api/threads/{cast.seller_thread.pk}/messages/", {"body": "  "}, content_type="application/json"
    )
    assert answer.status_code == 400
    assert answer.json()["detail"] == "Écrivez un message ou joignez un fichier."
    assert Message.objects.filter(thread=cast.seller_thread).count() == 1


def test_support_answering_a_guest_tells_the_guest_by_email(client, cast, django_capture_on_commit_callbacks):
    opened = client.post(
        "/api/threads/", {"with": "support", "email": "visiteur@example.com"}, content_type="application/json"
    )
    thread = Thread.objects.get(pk=opened.json()["id"])
    from commerce.messaging import services

    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(thread, body="Bonjour, livrez-vous à Djerba ?")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(thread, sender=cast.support, body="Oui, en 48 heures.")
    told = Notification.objects.filter(event="messaging.new_message", email="visiteur@example.com")
    assert told.count() == 1 and told.get().context["gist"] == "Oui, en 48 heures."
