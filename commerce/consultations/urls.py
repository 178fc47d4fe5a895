"""Mounted by config/urls.py under the language prefix: ``client_patterns`` at
``accounts/consultations/``, ``expert_patterns`` at ``expert/messages/``, ``send_patterns`` at
``experts/`` (beside the public profiles)."""

from django.urls import path

from . import views

client_patterns = (
    [
        path("", views.mine, name="mine"),
        path("<int:pk>/rate/", views.rate, name="rate"),
        path("<int:pk>/video/<str:which>/", views.video, name="video"),
    ],
    "consultations",
)

expert_patterns = (
    [
        path("", views.inbox, name="inbox"),
        path("<int:pk>/reply/", views.reply, name="reply"),
        path("<int:pk>/decline/", views.decline, name="decline"),
        path("ratings/<int:pk>/reply/", views.reply_to_rating, name="rating-reply"),
    ],
    "consultations-expert",
)

send_patterns = ([path("<slug:slug>/message/", views.send, name="send")], "consultations-send")
