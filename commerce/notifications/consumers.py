"""The notifications socket: ``/ws/notifications/`` for the signed-in user only."""

import json

from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils.translation import gettext as _

from .services import user_group

#: WebSocket close code for "not signed in" (application range 4000-4999).
CLOSE_UNAUTHENTICATED = 4401


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    """Joins the user's group and forwards notices; answers ``ping`` so clients can check the path.

    Anything a client sends that is not a JSON ``{"type": "ping"}`` gets an error reply and the
    socket stays open.
    """

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_json({"type": "error", "message": _('Unknown message; send {"type": "ping"}.')})

    async def notification_message(self, event):
        await self.send_json({"type": "notification", "kind": event["kind"], "payload": event["payload"]})

    @classmethod
    async def decode_json(cls, text_data):
        """Malformed JSON becomes ``None`` (answered with an error) instead of closing the socket."""
        try:
            return json.loads(text_data)
        except ValueError:
            return None
