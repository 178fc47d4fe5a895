"""IDOR sweep: nobody reads, writes to or joins a thread that is not theirs, over every new URL and
the socket, for every role. A support thread is the client's and support staff's; a seller thread
is the client's and the shop's."""

import io

import pytest
from asgiref.sync import async_to_sync
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from commerce.messaging import services
from tests.factories.messaging import make_cast

from .conftest import socket

ROLES = ("anonymous", "client", "other_client", "seller", "other_seller", "support", "admin")
READERS = {"support_thread": {"client", "support", "admin"}, "seller_thread": {"client", "seller"}}
CASES = [(which, role) for which in READERS for role in ROLES]


def picture(name="photo.png"):
    data = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 40, 40)).save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


def attachment_of(cast, thread):
    return services.post_message(thread, sender=cast.client, attachment=picture()).message


@pytest.mark.django_db
@pytest.mark.parametrize(("which", "role"), CASES, ids=[f"{w}-{r}" for w, r in CASES])
def test_only_readers_reach_a_thread_over_http(client, which, role):
    # given: a thread with a message and an attachment, and someone in a role
    cast = make_cast()
    thread = getattr(cast, which)
    secret = thread.messages.first().body
    attached = attachment_of(cast, thread)
    user = cast.user(role)
    if user is not None:
        client.force_login(user)
    allowed = role in READERS[which]

    # then: the API history, posting, the listing
    history = client.get(f"/api/threads/{thread.pk}/messages/")
    assert history.status_code == (200 if allowed else 404)
    assert (secret in history.content.decode()) is allowed
    posted = client.post(
        f"/api/threads/{thread.pk}/messages/", {"body": "coucou"}, content_type="application/json"
    )
    assert posted.status_code == (201 if allowed else 404)
    listed = client.get("/api/threads/")
    ids = [item["id"] for item in listed.json()["results"]] if listed.status_code == 200 else []
    assert (thread.pk in ids) is allowed
    searched = client.get(f"/api/threads/{thread.pk}/messages/?q=commande")
    assert searched.status_code == (200 if allowed else 404)

    # the attachment
    download = client.get(f"/messages/attachments/{attached.pk}/")
    assert download.status_code == (200 if allowed else 404)

    # the pages: the client's thread page, the shop's, the support console's
    page = client.get(f"/fr/messages/{thread.pk}/")
    assert page.status_code in ((200, 302) if allowed else (404,))
    shop_page = client.get(f"/dashboard/messages/{thread.pk}/")
    assert (shop_page.status_code == 200) is (which == "seller_thread" and role == "seller")
    console = client.get(f"/fr/support/{thread.pk}/")
    assert (console.status_code == 200) is (which == "support_thread" and role in ("support", "admin"))
    for page_answer in (shop_page, console):
        if page_answer.status_code == 200:
            assert secret in page_answer.content.decode() or "data-chat" in page_answer.content.decode()

    # blocking and reporting through someone else's thread
    for action in ("block", "report"):
        answer = client.post(
            f"/fr/messages/{thread.pk}/{action}/", {"message": attached.pk, "reason": "spam"}
        )
        if not allowed:
            assert answer.status_code in (302, 404)
            assert answer.status_code == 404 or "/accounts/login/" in answer["Location"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("which", list(READERS))
def test_only_readers_join_a_thread_socket(which, cookie_of):
    cast = make_cast()
    thread = getattr(cast, which)
    cookies = {role: cookie_of(cast.user(role)) for role in ROLES}

    async def join(cookie):
        communicator = socket(f"/ws/chat/{thread.pk}/", cookie)
        connected, code = await communicator.connect(timeout=5)
        await communicator.disconnect()
        return connected, code

    joined = {role: async_to_sync(join)(cookies[role]) for role in ROLES}

    assert {role for role, (connected, _code) in joined.items() if connected} == READERS[which]
    assert joined["anonymous"][1] == 4401
    assert {code for role, (connected, code) in joined.items() if not connected and role != "anonymous"} == {
        4403
    }


@pytest.mark.django_db
def test_a_guest_reads_only_the_support_thread_their_session_opened(client, anonymous_client):
    # given: a guest opens a support thread with an email
    opened = client.post(
        "/api/threads/", {"with": "support", "email": "guest@example.com"}, content_type="application/json"
    )
    assert opened.status_code == 201
    thread_id = opened.json()["id"]
    # then: their session reads it, another guest's does not
    assert client.get(f"/api/threads/{thread_id}/messages/").status_code == 200
    assert anonymous_client.get(f"/api/threads/{thread_id}/messages/").status_code == 404
