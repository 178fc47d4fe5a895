"""WebSocket URL map; each domain app contributes its consumers here."""

from django.urls import path

from commerce.notifications.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
]
