"""The site's ASGI application plus a bare Channels echo room, the benchmark's baseline:
``/ws/bench/echo/<room>/`` relays each frame to the room's sockets through the same Redis channel
layer, with no session, database or validation."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.chat.settings")

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

from config.asgi import application as site  # noqa: E402


class EchoRoom(AsyncWebsocketConsumer):
    async def connect(self):
        self.room = f"bench.{self.scope['url_route']['kwargs']['room']}"
        await self.channel_layer.group_add(self.room, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.room, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.channel_layer.group_send(self.room, {"type": "relay", "text": text_data})

    async def relay(self, event):
        await self.send(text_data=event["text"])


echo = URLRouter([path("ws/bench/echo/<int:room>/", EchoRoom.as_asgi())])


async def application(scope, receive, send):
    if scope["type"] == "websocket" and scope["path"].startswith("/ws/bench/"):
        return await echo(scope, receive, send)
    return await site(scope, receive, send)
