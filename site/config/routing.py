"""WebSocket URL map; each domain app contributes its consumers here."""

from django.urls import path

from commerce.calls.consumers import CallConsumer
from commerce.messaging.consumers import ChatConsumer, InboxConsumer
from commerce.notifications.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    path("ws/chat/inbox/", InboxConsumer.as_asgi()),
    path("ws/chat/<int:thread_id>/", ChatConsumer.as_asgi()),
    path("ws/calls/<int:booking_id>/", CallConsumer.as_asgi()),
]
