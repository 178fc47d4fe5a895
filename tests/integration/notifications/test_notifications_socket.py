"""The notifications WebSocket, end to end through the real ASGI app and the Redis channel layer."""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings

from commerce.notifications.consumers import CLOSE_UNAUTHENTICATED
from commerce.notifications.services import push_to_user
from config.asgi import application


def communicator(cookie=""):
    headers = [(b"origin", b"http://testserver"), (b"host", b"testserver")]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, "/ws/notifications/", headers=headers)


def session_cookie(client, user):
    """The Cookie header of a browser signed in as ``user``."""
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def test_the_channel_layer_is_redis():
    assert type(get_channel_layer()).__name__ == "RedisChannelLayer"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("idle_seconds", [0, 7], ids=["at-once", "after-the-redis-client-timeout"])
def test_signed_in_user_receives_a_notification_pushed_through_redis(client, user_in_role, idle_seconds):
    # given: a signed-in browser session, silent longer than redis-py's 5 s socket timeout in the 2nd case
    user = user_in_role(email="socket@example.com")
    cookie = session_cookie(client, user)

    async def scenario():
        socket = communicator(cookie)
        connected, _ = await socket.connect()
        assert connected
        await socket.send_json_to({"type": "ping"})
        assert await socket.receive_json_from(timeout=5) == {"type": "pong"}
        await asyncio.sleep(idle_seconds)
        # when: the server pushes a notice to this user (from sync code, as a service would)
        from asgiref.sync import sync_to_async

        await sync_to_async(push_to_user)(user.pk, "order.shipped", {"order": "100042"})
        # then
        message = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return message

    message = async_to_sync(scenario)()
    assert message == {"type": "notification", "kind": "order.shipped", "payload": {"order": "100042"}}


@pytest.mark.django_db(transaction=True)
def test_anonymous_socket_is_closed_with_a_clear_code():
    async def scenario():
        socket = communicator()
        connected, code = await socket.connect()
        return connected, code

    connected, code = async_to_sync(scenario)()
    assert not connected
    assert code == CLOSE_UNAUTHENTICATED


@pytest.mark.django_db(transaction=True)
def test_malformed_message_gets_an_error_reply_not_a_crash(client, user_in_role):
    user = user_in_role(email="bad-input@example.com")
    cookie = session_cookie(client, user)

    async def scenario():
        socket = communicator(cookie)
        await socket.connect()
        await socket.send_to(text_data="{not json")
        reply = await socket.receive_json_from(timeout=5)
        await socket.send_json_to({"type": "ping"})
        still_alive = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return reply, still_alive

    reply, still_alive = async_to_sync(scenario)()
    assert reply["type"] == "error"
    assert still_alive == {"type": "pong"}


@pytest.mark.django_db(transaction=True)
def test_notify_reaches_the_persons_open_page_with_the_unread_count(client, user_in_role, parcel_event):
    # given: a signed-in page listening
    user = user_in_role(email="live@example.com")
    cookie = session_cookie(client, user)

    async def scenario():
        from asgiref.sync import sync_to_async

        from commerce.notifications import notify

        socket = communicator(cookie)
        connected, _ = await socket.connect()
        assert connected
        # when: something is told to this person (no transaction: delivered at once)
        notification = await sync_to_async(notify)(user, "test.parcel", {"number": "31", "url": "/fr/"})
        message = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return notification, message

    notification, message = async_to_sync(scenario)()
    # then
    assert message["type"] == "notification"
    assert message["kind"] == "test.parcel"
    assert message["payload"]["id"] == notification.pk
    assert message["payload"]["title"] == notification.title
    assert message["payload"]["unread"] == 1
