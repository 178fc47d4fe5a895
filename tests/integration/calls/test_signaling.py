"""The call socket end to end: the real ASGI application, the Redis channel layer, PostgreSQL."""

import base64
import hashlib
import hmac
from datetime import timedelta

import pytest
import time_machine
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings as django_settings
from django.test import Client

from commerce.calls import services
from commerce.calls.models import Heartbeat
from tests.factories import make_user
from tests.factories.calls import call_booking, talk

pytestmark = pytest.mark.django_db(transaction=True)


def cookie_of(user):
    browser = Client()
    browser.force_login(user)
    name = django_settings.SESSION_COOKIE_NAME
    return f"{name}={browser.cookies[name].value}"


def socket(booking, cookie="", language="en"):
    from config.asgi import application

    headers = [(b"origin", b"http://testserver"), (b"host", b"testserver")]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, f"/ws/calls/{booking.pk}/?lang={language}", headers=headers)


@pytest.fixture
def booked(settings):
    settings.CALLS_TURN_SECRET = "turn-test-secret"
    settings.CALLS_TURN_URLS = ["turn:127.0.0.1:3478?transport=udp"]
    return call_booking()


@pytest.fixture
def near_start(booked):
    with time_machine.travel(booked[0].start - timedelta(minutes=5), tick=True):
        yield


def test_the_client_and_the_expert_join_and_signaling_goes_to_the_other_side(booked, near_start):
    booking, client, expert = booked
    client_cookie, expert_cookie = cookie_of(client), cookie_of(expert.user)

    async def scenario():
        expert_socket = socket(booking, expert_cookie)
        assert (await expert_socket.connect(timeout=5))[0]
        expert_welcome = await expert_socket.receive_json_from(timeout=5)
        client_socket = socket(booking, client_cookie)
        assert (await client_socket.connect(timeout=5))[0]
        client_welcome = await client_socket.receive_json_from(timeout=5)
        joined = await expert_socket.receive_json_from(timeout=5)
        await expert_socket.send_json_to({"type": "offer", "sdp": "v=0 offer"})
        offer = await client_socket.receive_json_from(timeout=5)
        await client_socket.send_json_to({"type": "ice", "candidate": {"candidate": "candidate:1 1 udp"}})
        ice = await expert_socket.receive_json_from(timeout=5)
        quiet = await client_socket.receive_nothing(timeout=0.3)
        await client_socket.send_json_to({"type": "heartbeat"})
        meters = [
            await client_socket.receive_json_from(timeout=5),
            await expert_socket.receive_json_from(timeout=5),
        ]
        await client_socket.send_json_to({"type": "chat", "text": "مرحبا"})
        chat = await expert_socket.receive_json_from(timeout=5)
        await client_socket.disconnect()
        left = await expert_socket.receive_json_from(timeout=5)
        await expert_socket.disconnect()
        return expert_welcome, client_welcome, joined, offer, ice, quiet, meters, chat, left

    expert_welcome, client_welcome, joined, offer, ice, quiet, meters, chat, left = async_to_sync(scenario)()

    assert (expert_welcome["role"], expert_welcome["peer_present"]) == ("expert", False)
    assert (client_welcome["role"], client_welcome["peer_present"]) == ("client", True)
    assert joined == {"type": "peer", "state": "joined", "role": "client"}
    assert offer == {"type": "offer", "from": "expert", "sdp": "v=0 offer"}
    assert ice == {"type": "ice", "from": "client", "candidate": {"candidate": "candidate:1 1 udp"}}
    assert quiet  # nothing echoed to the sender
    assert [meter["type"] for meter in meters] == ["meter", "meter"]
    assert meters[0]["limit_minutes"] == 30
    assert chat == {"type": "chat", "from": "client", "text": "مرحبا"}
    assert left == {"type": "peer", "state": "left", "role": "client"}
    assert set(Heartbeat.objects.filter(call__booking=booking).values_list("role", flat=True)) == {
        "client",
        "expert",
    }


def test_the_welcome_carries_turn_credentials_coturn_accepts(booked, near_start):
    booking, client, _expert = booked

    async def scenario():
        communicator = socket(booking, cookie_of_sync)
        await communicator.connect(timeout=5)
        welcome = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return welcome

    cookie_of_sync = cookie_of(client)
    welcome = async_to_sync(scenario)()

    (turn,) = welcome["ice_servers"]
    expiry, name = turn["username"].split(":", 1)
    digest = hmac.new(b"turn-test-secret", turn["username"].encode(), hashlib.sha1).digest()
    assert turn["credential"] == base64.b64encode(digest).decode()
    assert int(expiry) > booking.end.timestamp()
    assert turn["urls"] == ["turn:127.0.0.1:3478?transport=udp"]
    assert name.startswith("call")


def test_a_third_user_a_guest_and_a_participant_of_another_booking_are_refused(booked, near_start):
    booking, _client, _expert = booked
    other_booking, other_client, other_expert = call_booking(days_ahead=2, hour=11)
    stranger = make_user("stranger@example.com")
    cookies = [cookie_of(stranger), "", cookie_of(other_client), cookie_of(other_expert.user)]

    async def scenario():
        codes = []
        for cookie in cookies:
            communicator = socket(booking, cookie)
            connected, code = await communicator.connect(timeout=5)
            codes.append((connected, code))
            await communicator.disconnect()
        return codes

    codes = async_to_sync(scenario)()

    assert codes == [(False, 4403), (False, 4401), (False, 4403), (False, 4403)]
    assert not Heartbeat.objects.exists()


def test_the_call_opens_ten_minutes_before_the_start(booked):
    booking, client, _expert = booked
    cookie = cookie_of(client)

    async def attempt():
        communicator = socket(booking, cookie)
        connected, code = await communicator.connect(timeout=5)
        await communicator.disconnect()
        return connected, code

    with time_machine.travel(booking.start - timedelta(minutes=11), tick=True):
        early = async_to_sync(attempt)()
    with time_machine.travel(booking.start - timedelta(minutes=9), tick=True):
        on_time = async_to_sync(attempt)()

    assert early == (False, 4403)
    assert on_time[0]


def test_bad_frames_get_a_translated_error_and_the_socket_stays_open(booked, near_start):
    booking, client, _expert = booked
    cookie = cookie_of(client)

    async def scenario():
        communicator = socket(booking, cookie, language="fr")
        await communicator.connect(timeout=5)
        await communicator.receive_json_from(timeout=5)
        answers = []
        for text in [
            "not json",
            '{"type": "teleport"}',
            '{"type": "offer", "sdp": 42}',
            '{"type": "chat", "text": "' + "x" * 70_000 + '"}',
        ]:
            await communicator.send_to(text_data=text)
            answers.append(await communicator.receive_json_from(timeout=5))
        await communicator.send_json_to({"type": "chat", "text": "still here"})
        still_open = await communicator.receive_nothing(timeout=0.3)
        await communicator.disconnect()
        return answers, still_open

    answers, still_open = async_to_sync(scenario)()

    assert [answer["type"] for answer in answers] == ["error"] * 4
    assert answers[1]["message"] == "Type de message inconnu."
    assert "offer" in answers[2]["message"]
    assert still_open


def test_hanging_up_ends_the_call_for_both_with_the_summary(booked):
    booking, client, expert = booked
    client_cookie, expert_cookie = cookie_of(client), cookie_of(expert.user)

    async def scenario():
        client_socket = socket(booking, client_cookie)
        await client_socket.connect(timeout=5)
        await client_socket.receive_json_from(timeout=5)
        expert_socket = socket(booking, expert_cookie)
        await expert_socket.connect(timeout=5)
        await expert_socket.receive_json_from(timeout=5)
        await client_socket.receive_json_from(timeout=5)  # the expert joined
        await expert_socket.send_json_to({"type": "hangup"})
        ended = [
            await client_socket.receive_json_from(timeout=5),
            await expert_socket.receive_json_from(timeout=5),
        ]
        closed = await client_socket.receive_output(timeout=5)
        return ended, closed

    # they talked 3 minutes, then both reload the page and the expert hangs up
    with time_machine.travel(booking.start, tick=False) as clock:
        talk(clock, services.open_call(booking, client)[0], booking.start, 180)
    with time_machine.travel(booking.start + timedelta(minutes=3, seconds=10), tick=True):
        ended, closed = async_to_sync(scenario)()

    assert [frame["type"] for frame in ended] == ["ended", "ended"]
    assert ended[0]["minutes"] == 10 and ended[0]["coins"] == 20  # 3 minutes: the minimum
    assert ended[0]["seconds"] >= 190
    assert closed == {"type": "websocket.close", "code": 4000}


def test_recording_starts_only_when_both_agree_and_an_extension_without_coins_is_refused(booked, near_start):
    booking, client, expert = booked
    client_cookie, expert_cookie = cookie_of(client), cookie_of(expert.user)
    from commerce.wallet.services import hold

    hold(client, 440, reference="elsewhere", key="spent-elsewhere")  # 0 coins left for an extension

    async def scenario():
        client_socket = socket(booking, client_cookie)
        await client_socket.connect(timeout=5)
        await client_socket.receive_json_from(timeout=5)
        expert_socket = socket(booking, expert_cookie)
        await expert_socket.connect(timeout=5)
        await expert_socket.receive_json_from(timeout=5)
        await client_socket.receive_json_from(timeout=5)  # the expert joined
        await client_socket.send_json_to({"type": "record", "on": True})
        asked = await expert_socket.receive_json_from(timeout=5)
        await client_socket.receive_json_from(timeout=5)
        await expert_socket.send_json_to({"type": "record", "on": True})
        agreed = await client_socket.receive_json_from(timeout=5)
        await expert_socket.receive_json_from(timeout=5)
        await client_socket.send_json_to({"type": "extend"})
        refused = await client_socket.receive_json_from(timeout=5)
        await client_socket.disconnect()
        await expert_socket.disconnect()
        return asked, agreed, refused

    asked, agreed, refused = async_to_sync(scenario)()

    assert asked == {"type": "recording", "role": "client", "on": True, "agreed": False}
    assert agreed == {"type": "recording", "role": "expert", "on": True, "agreed": True}
    assert refused == {"type": "error", "message": "Not enough coins to extend the call."}
