"""Mounted under the language prefix by config/urls.py."""

from django.urls import path

from . import views

app_name = "calls"

urlpatterns = [
    path("calls/<int:booking_id>/", views.room, name="room"),
    path("calls/<int:booking_id>/whiteboard/", views.upload_whiteboard, name="whiteboard-upload"),
    path("calls/<int:booking_id>/whiteboard.png", views.whiteboard, name="whiteboard"),
    path("calls/<int:booking_id>/recordings/", views.upload_recording, name="recording-upload"),
    path("calls/<int:booking_id>/recordings/<int:recording_id>.webm", views.recording, name="recording"),
]
