"""``/ws/calls/<booking id>/``: a call's signaling and meter.

Only the booking's client and expert join (4401 for a guest, 4403 for anyone else, or when the
call is not open). On joining, a participant gets ``{"type": "welcome", "role", "ice_servers",
"ice_transport_policy", "peer_present", "meter", "recording"}``; the other side gets
``{"type": "peer", "state": "joined"}`` and makes the WebRTC offer.

Frames relayed to the other side as they are (``type`` and its payload): ``offer``, ``answer``,
``ice``, ``chat``, ``whiteboard``, ``control`` (mute, camera, screen-share states). Frames the
server acts on: ``heartbeat`` (every 15 s: the meter, answered to both with ``meter``; the client
also gets ``warning`` one paid minute before the end), ``extend``, ``record`` (``{"on": bool}``;
both get ``recording``), ``hangup`` (both get ``ended`` with the summary). A bad frame (not JSON,
unknown type, too large, wrong payload) gets ``{"type": "error", "message"}`` in the person's
language and the socket stays open.
"""

import asyncio
import json
import time
from urllib.parse import parse_qs

from channels.db import DatabaseSyncToAsync
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from commerce.bookings.models import Booking

from . import selectors, services
from .exceptions import CallRefused
from .models import Call

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_ENDED = 4000

#: Relayed unchanged to the other participant, with the JSON type each payload key must have.
RELAYED = {
    "offer": {"sdp": str},
    "answer": {"sdp": str},
    "ice": {"candidate": (dict, type(None))},
    "chat": {"text": str},
    "whiteboard": {"stroke": (dict, type(None))},
    "control": {"state": dict},
}
ACTED_ON = {"heartbeat", "extend", "record", "hangup"}
#: A socket's heartbeats closer together than this are ignored (a flood must not fill the table).
MIN_HEARTBEAT_SECONDS = 1.0


def in_any_thread(method):
    """Database work in a pool thread, so sockets of one process wait on PostgreSQL side by side."""
    return DatabaseSyncToAsync(method, thread_sensitive=False)


def call_group(call_pk):
    return f"call-{call_pk}"


class CallConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user = user
        self.language = self._language()
        opened = await self._open(self.scope["url_route"]["kwargs"]["booking_id"])
        if opened is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.call, self.role, welcome = opened
        self.group = call_group(self.call.pk)
        self.last_beat = 0.0
        self.beating = asyncio.get_running_loop().create_future()
        self.beating.set_result(None)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self._others({"type": "peer", "state": "joined", "role": self.role})
        await self.send_json(welcome)

    async def disconnect(self, code):
        if hasattr(self, "beating"):
            await asyncio.gather(self.beating, return_exceptions=True)
        if hasattr(self, "group"):
            await self._others({"type": "peer", "state": "left", "role": self.role})
            await self.channel_layer.group_discard(self.group, self.channel_name)

    def _language(self):
        """The page's language (``?lang=``), else the person's last one: errors are told in it."""
        asked = parse_qs(self.scope.get("query_string", b"").decode()).get("lang", [""])[0]
        known = {code for code, _name in settings.LANGUAGES}
        for code in (asked, getattr(self.user, "language", ""), settings.LANGUAGE_CODE):
            if code in known:
                return code
        return settings.LANGUAGE_CODE

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        with translation.override(self.language):
            await self._receive(text_data)

    async def _receive(self, text_data):
        if text_data is None or len(text_data.encode()) > settings.CALLS_MAX_FRAME_BYTES:
            await self.error(
                _("Frames must be JSON text of at most %(max)d bytes.")
                % {"max": settings.CALLS_MAX_FRAME_BYTES}
            )
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            content = None
        await self.receive_json(content)

    async def receive_json(self, content, **kwargs):
        kind = content.get("type") if isinstance(content, dict) else None
        if kind in RELAYED:
            if not all(isinstance(content.get(key), types) for key, types in RELAYED[kind].items()):
                await self.error(_("This %(type)s frame is missing what it carries.") % {"type": kind})
                return
            frame = {"type": kind, "from": self.role, **{key: content[key] for key in RELAYED[kind]}}
            await self._others(frame)
            return
        if kind not in ACTED_ON:
            await self.error(_("Unknown frame type."))
            return
        try:
            await getattr(self, f"on_{kind}")(content)
        except CallRefused as refusal:
            await self.error(refusal)

    async def on_heartbeat(self, content):
        """Metered beside the relay: a heartbeat's transaction never holds up the offers and ICE
        frames behind it on this socket (one heartbeat at a time, at most one a second)."""
        now = time.monotonic()
        if now - self.last_beat < MIN_HEARTBEAT_SECONDS or not self.beating.done():
            return
        self.last_beat = now
        self.beating = asyncio.ensure_future(self._metered())

    async def _metered(self):
        try:
            with translation.override(self.language):
                await self._meter_beat()
        except CallRefused as refusal:
            await self.error(refusal)

    async def _meter_beat(self):
        call, frame, warn = await self._beat()
        await self._everyone(frame)
        if warn:
            await self._everyone({"type": "warning", "minutes_left": 1})
        if call.status == Call.Status.ENDED:
            await self._everyone(await self._summary(call))

    async def on_extend(self, content):
        await self._extend()
        await self._everyone(await self._meter())

    async def on_record(self, content):
        agreed = await self._record(bool(content.get("on")))
        await self._everyone(
            {"type": "recording", "role": self.role, "on": bool(content.get("on")), "agreed": agreed}
        )

    async def on_hangup(self, content):
        call = await self._hangup()
        await self._everyone(await self._summary(call))

    # --- Group fan-out ----------------------------------------------------------------------------
    async def _others(self, frame):
        await self.channel_layer.group_send(
            self.group, {"type": "call.frame", "frame": frame, "skip": self.channel_name}
        )

    async def _everyone(self, frame):
        await self.channel_layer.group_send(self.group, {"type": "call.frame", "frame": frame, "skip": None})

    async def call_frame(self, event):
        if event["skip"] != self.channel_name:
            await self.send_json(event["frame"])
            if event["frame"]["type"] == "ended":
                await self.close(code=CLOSE_ENDED)

    async def error(self, message):
        await self.send_json({"type": "error", "message": str(message)})

    # --- Database work ----------------------------------------------------------------------------
    @in_any_thread
    def _open(self, booking_id):
        booking = Booking.objects.select_related("provider__expert").filter(pk=booking_id).first()
        if booking is None:
            return None
        try:
            call, role = services.open_call(booking, self.user)
            services.heartbeat(call, role)
        except CallRefused:
            return None
        welcome = {
            "type": "welcome",
            "role": role,
            "ice_servers": selectors.ice_servers(call, self.user),
            "ice_transport_policy": settings.CALLS_ICE_TRANSPORT_POLICY,
            "heartbeat_seconds": settings.CALLS_HEARTBEAT_SECONDS,
            "peer_present": selectors.peer_present(call, role),
            "meter": selectors.meter_frame(call),
            "recording": call.recording_agreed,
        }
        return call, role, welcome

    @in_any_thread
    def _beat(self):
        return services.heartbeat(self.call, self.role)

    @in_any_thread
    def _meter(self):
        return selectors.meter_frame(Call.objects.select_related("booking").get(pk=self.call.pk))

    @in_any_thread
    def _extend(self):
        services.extend(self.call, self.user)

    @in_any_thread
    def _record(self, wanted):
        return services.set_recording(self.call, self.role, wanted)

    @in_any_thread
    def _hangup(self):
        return services.hang_up(self.call, self.role)

    @in_any_thread
    def _summary(self, call):
        return selectors.summary_frame(call)
