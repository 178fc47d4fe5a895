"""The chat socket end to end: the real ASGI application, the Redis channel layer, PostgreSQL."""

import asyncio

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels_redis.core import RedisChannelLayer

from commerce.messaging import services
from commerce.messaging.models import Message, Participant
from tests.factories.messaging import make_cast

from .conftest import socket

pytestmark = pytest.mark.django_db(transaction=True)


async def joined(thread, cookie, query=""):
    communicator = socket(f"/ws/chat/{thread.pk}/{query}", cookie)
    connected, code = await communicator.connect(timeout=5)
    assert connected, code
    return communicator


def test_a_message_is_stored_then_delivered_to_the_other_side_through_redis(cookie_of):
    # given: the client and the seller on the thread's socket
    cast = make_cast()
    thread = cast.seller_thread
    client_cookie, seller_cookie = cookie_of(cast.client), cookie_of(cast.seller)

    async def scenario():
        client_socket = await joined(thread, client_cookie)
        seller_socket = await joined(thread, seller_cookie)
        seller_inbox = socket("/ws/chat/inbox/", seller_cookie)
        assert (await seller_inbox.connect(timeout=5))[0]
        await seller_inbox.receive_json_from(timeout=5)  # the counts when it joins
        # when: the client writes in Arabic with an emoji
        await client_socket.send_json_to({"type": "message", "body": "مرحبا، هل الجبة متوفرة؟ 😊"})
        received = await seller_socket.receive_json_from(timeout=5)
        stored = await sync_to_async(Message.objects.filter(pk=received["id"]).exists)()
        echoed = await client_socket.receive_json_from(timeout=5)
        unread = await seller_inbox.receive_json_from(timeout=5)  # the task, queued after the broadcast
        # and two more at once: announced together, each counted
        for body in ("Et en taille M ?", "Merci"):
            await client_socket.send_json_to({"type": "message", "body": body})
        counts = [unread]
        while counts[-1]["unread"] < unread["unread"] + 2:
            counts.append(await seller_inbox.receive_json_from(timeout=5))
        for communicator in (client_socket, seller_socket, seller_inbox):
            await communicator.disconnect()
        return received, stored, echoed, unread, counts

    received, stored, echoed, unread, counts = async_to_sync(scenario)()

    # then: the frame carries the contract's fields, and the message was in the database first
    assert {"type", "id", "sender", "body", "sent_at"} <= received.keys()
    assert received["type"] == "message"
    assert received["body"] == "مرحبا، هل الجبة متوفرة؟ 😊"
    assert received["sender"] == {"id": cast.client.pk, "name": "Amel", "role": Participant.CLIENT}
    assert stored
    assert echoed["id"] == received["id"]
    # and: the seller's unread count moved
    assert unread["type"] == "unread" and unread["thread"] == thread.pk and unread["unread"] >= 1
    assert counts[-1]["unread"] == unread["unread"] + 2


def test_typing_reaches_the_others_and_a_read_receipt_everyone(cookie_of):
    cast = make_cast()
    thread = cast.seller_thread
    last = thread.messages.last()
    client_cookie, seller_cookie = cookie_of(cast.client), cookie_of(cast.seller)

    async def scenario():
        client_socket = await joined(thread, client_cookie)
        seller_socket = await joined(thread, seller_cookie)
        await seller_socket.send_json_to({"type": "typing"})
        typing = await client_socket.receive_json_from(timeout=5)
        typing_echo = await seller_socket.receive_nothing(timeout=0.3)
        await seller_socket.send_json_to({"type": "typing"})  # again at once: not relayed
        flood_held = await client_socket.receive_nothing(timeout=0.3)
        await seller_socket.send_json_to({"type": "read", "up_to": last.pk})
        receipt = await client_socket.receive_json_from(timeout=5)
        await client_socket.disconnect()
        await seller_socket.disconnect()
        return typing, typing_echo and flood_held, receipt

    typing, nothing_more, receipt = async_to_sync(scenario)()

    assert typing == {"type": "typing", "sender": {"id": cast.seller.pk, "role": "seller"}}
    assert nothing_more
    assert receipt == {"type": "read", "reader": {"id": cast.seller.pk, "role": "seller"}, "up_to": last.pk}
    assert Participant.objects.get(thread=thread, user=cast.seller).last_read_id == last.pk


def test_bad_frames_get_an_error_frame_and_the_socket_stays_open(cookie_of):
    cast = make_cast()
    cookie = cookie_of(cast.client)

    async def scenario():
        communicator = await joined(cast.support_thread, cookie)
        replies = []
        for bad in (
            "{not json",
            "[]",
            '{"type": "message"}',
            '{"type": "message", "body": ""}',
            '{"type": "read", "up_to": "x"}',
            '{"type": "shout"}',
        ):
            await communicator.send_to(text_data=bad)
            replies.append(await communicator.receive_json_from(timeout=5))
        await communicator.send_json_to({"type": "message", "body": "toujours là"})
        alive = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return replies, alive

    replies, alive = async_to_sync(scenario)()

    assert [reply["type"] for reply in replies] == ["error"] * 6
    assert all(reply["message"] for reply in replies)
    assert alive["type"] == "message" and alive["body"] == "toujours là"


def test_a_reconnecting_client_gets_what_it_missed(cookie_of):
    # given: the client saw the thread up to its first message, then went offline
    cast = make_cast()
    thread = cast.seller_thread
    seen = thread.messages.last().pk
    missed = [
        services.post_message(thread, sender=cast.seller, body=text).message.pk
        for text in ("Oui, en bleu nuit.", "Taille M ou L ?")
    ]
    cookie = cookie_of(cast.client)

    async def scenario():
        communicator = await joined(thread, cookie, f"?after={seen}")
        frames = [await communicator.receive_json_from(timeout=5) for _ in missed]
        await communicator.disconnect()
        return frames

    frames = async_to_sync(scenario)()

    assert [frame["id"] for frame in frames] == missed
    assert [frame["body"] for frame in frames] == ["Oui, en bleu nuit.", "Taille M ou L ?"]


def test_internal_notes_reach_support_sockets_only(cookie_of):
    cast = make_cast()
    thread = cast.support_thread
    client_cookie, support_cookie = cookie_of(cast.client), cookie_of(cast.support)

    async def scenario():
        client_socket = await joined(thread, client_cookie)
        support_socket = await joined(thread, support_cookie)
        await support_socket.send_json_to(
            {"type": "message", "body": "Client déjà remboursé une fois", "internal": True}
        )
        note = await support_socket.receive_json_from(timeout=5)
        client_saw_nothing = await client_socket.receive_nothing(timeout=0.5)
        await client_socket.send_json_to(
            {"type": "message", "body": "Je peux noter aussi ?", "internal": True}
        )
        refused = await client_socket.receive_json_from(timeout=5)
        await client_socket.disconnect()
        await support_socket.disconnect()
        return note, client_saw_nothing, refused

    note, client_saw_nothing, refused = async_to_sync(scenario)()

    assert note["internal"] is True
    assert client_saw_nothing
    assert refused["type"] == "error"


#: Long enough for several of the layer's blocking reads on an empty channel to end: with redis-py's
#: default 5 s socket timeout, one of them timed out and closed every idle socket (channels_redis #422).
IDLE_SECONDS = 3 * RedisChannelLayer.brpop_timeout


def test_a_socket_idle_past_the_layers_blocking_reads_still_receives_a_message(cookie_of):
    # given: the seller's socket silent for 15 s (past redis-py's 5 s default socket timeout, thrice)
    cast = make_cast()
    thread = cast.seller_thread
    cookie = cookie_of(cast.seller)

    async def scenario():
        communicator = await joined(thread, cookie)
        await asyncio.sleep(IDLE_SECONDS)
        # when: the client posts (from the site's sync code, as a page or the API would)
        await sync_to_async(services.post_message)(thread, sender=cast.client, body="Toujours disponible ?")
        frame = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return frame

    # then
    assert async_to_sync(scenario)()["body"] == "Toujours disponible ?"
