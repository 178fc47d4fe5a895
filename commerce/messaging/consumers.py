"""``/ws/chat/<thread id>/``: a thread's live messages, typing and read receipts; ``/ws/chat/inbox/``:
the person's unread counts.

Frames in: ``{"type": "message", "body"}``, ``{"type": "typing"}``, ``{"type": "read", "up_to"}``.
Frames out: ``{"type": "message", "id", "sender", "body", "sent_at", …}``, ``typing``, ``read``,
``status``, ``error``. Connecting with ``?after=<last id seen>`` first replays what was missed.
Only those who may read the thread join (``access.visible_thread``); anyone else is closed with
4403 (4401 when not signed in and holding no guest thread). A bad frame gets an error frame and the
socket stays open. Messages go through ``live.post`` (``services.post_message``'s checks and
statement, run from the event loop): stored, then broadcast.
"""

import json
import time
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import DatabaseSyncToAsync
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils.translation import gettext as _

from . import broadcast, live, services
from .access import role_in, visible_thread
from .exceptions import MessagingRefused
from .models import Participant
from .selectors import history, unread_total

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
#: Seconds between two typing notices a socket relays.
TYPING_INTERVAL = 1.0
#: Most missed messages replayed on reconnection (older ones come from the history API).
CATCH_UP_LIMIT = 200


def in_any_thread(method):
    """Run a consumer's database work in a pool thread, not the one thread every socket of the
    process shares by default: sockets of different threads then wait on PostgreSQL side by side.
    Each call is a unit of its own (its transaction inside), and a socket still handles its frames
    one after the other, so a sender's messages keep their order."""
    return DatabaseSyncToAsync(method, thread_sensitive=False)


class JsonConsumer(AsyncJsonWebsocketConsumer):
    """Malformed JSON becomes ``None`` (answered with an error) instead of closing the socket."""

    @classmethod
    async def decode_json(cls, text_data):
        try:
            return json.loads(text_data)
        except ValueError:
            return None

    async def dispatch(self, message):
        """Channels' dispatch, without its ``close_old_connections`` before every frame: that runs in
        the process's one shared sync thread (a hop there and back per frame in and out, three per
        chat message), for a connection these sockets never use; their database calls
        (``in_any_thread``) close old connections around themselves."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def chat_frame(self, event):
        await self.send_json(event["frame"])

    async def error(self, message):
        await self.send_json({"type": "error", "message": str(message)})


class ChatConsumer(JsonConsumer):
    async def connect(self):
        self.user = self.scope.get("user")
        self.session = self.scope.get("session")
        found = await self._load(self.scope["url_route"]["kwargs"]["thread_id"])
        if found is None:
            signed_in = self.user is not None and self.user.is_authenticated
            await self.close(code=CLOSE_FORBIDDEN if signed_in else CLOSE_UNAUTHENTICATED)
            return
        self.thread, self.role = found
        self.groups_joined = [broadcast.thread_group(self.thread.pk)]
        if self.role == Participant.SUPPORT:
            self.groups_joined.append(broadcast.staff_group(self.thread.pk))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        after = parse_qs(self.scope.get("query_string", b"").decode()).get("after", [""])[0]
        if after.isdigit():
            for frame in await self._missed(int(after)):
                await self.send_json(frame)

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        kind = content.get("type") if isinstance(content, dict) else None
        if kind == "message":
            body = content.get("body")
            if not isinstance(body, str):
                await self.error(_("A message needs a text body."))
                return
            try:
                await self._post(body, bool(content.get("internal")))
            except MessagingRefused as refusal:
                await self.error(refusal)
        elif kind == "typing":
            now = time.monotonic()
            if now - getattr(self, "typing_sent", 0.0) < TYPING_INTERVAL:
                return  # a typing notice lasts seconds on the other side: more would only flood the room
            self.typing_sent = now
            frame = {"type": "typing", "sender": {"id": self._user_id(), "role": self.role}}
            await self.channel_layer.group_send(
                broadcast.thread_group(self.thread.pk),
                {"type": "chat.others", "frame": frame, "from": self.channel_name},
            )
        elif kind == "read":
            up_to = content.get("up_to")
            if not isinstance(up_to, int) or isinstance(up_to, bool):
                await self.error(_("A read receipt needs the id of the last message seen."))
                return
            await self._read(up_to)
        else:
            await self.error(_('Unknown frame; send {"type": "message", "body": "…"}, "typing" or "read".'))

    async def chat_others(self, event):
        """A frame for every socket of the thread but the one it came from (typing)."""
        if event["from"] != self.channel_name:
            await self.send_json(event["frame"])

    def _user_id(self):
        return self.user.pk if self.user is not None and self.user.is_authenticated else None

    @in_any_thread
    def _load(self, thread_id):
        thread = visible_thread(self.user, thread_id, self.session)
        if thread is None:
            return None
        if thread.partner_id:
            thread.partner  # noqa: B018 - loaded here: frames name the shop, from the event loop
        return thread, role_in(thread, self.user)

    @in_any_thread
    def _missed(self, after):
        from .broadcast import message_frame

        missed = list(history(self.thread, self.role, after=after)[:CATCH_UP_LIMIT])
        return [message_frame(message) for message in reversed(missed)]

    async def _post(self, body, internal):
        sender = self.user if self._user_id() else None
        await live.post(self.thread, sender=sender, body=body, internal=internal, role=self.role)

    @in_any_thread
    def _read(self, up_to):
        services.mark_read(self.thread, self.user, up_to)


class InboxConsumer(JsonConsumer):
    """The signed-in person's unread counts, live on every page that shows them."""

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.group = broadcast.inbox_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json(
            {"type": "unread", "thread": None, "unread": 0, "total": await self._total(user)}
        )

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        await self.error(_("This socket only sends unread counts."))

    @in_any_thread
    def _total(self, user):
        return unread_total(user)
