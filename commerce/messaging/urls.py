"""Mounted by config/urls.py: ``patterns`` under ``<lang>/messages/``, ``support_patterns`` under
``<lang>/support/``, ``dashboard_patterns`` under ``dashboard/messages/``, ``attachment_patterns``
unprefixed (links carried by socket frames are the same in every language)."""

from django.urls import path

from . import views

patterns = (
    [
        path("", views.inbox, name="inbox"),
        path("contact-seller/", views.contact_seller, name="contact-seller"),
        path("<int:pk>/", views.thread, name="thread"),
        path("<int:pk>/block/", views.block, name="block"),
        path("<int:pk>/report/", views.report, name="report"),
    ],
    "messaging",
)

support_patterns = (
    [
        path("", views.console, name="console"),
        path("<int:pk>/", views.console_thread, name="thread"),
    ],
    "messaging-support",
)

dashboard_patterns = (
    [
        path("", views.shop_inbox, name="inbox"),
        path("<int:pk>/", views.shop_thread, name="thread"),
    ],
    "messaging-dashboard",
)

attachment_patterns = [path("messages/attachments/<int:pk>/", views.attachment, name="messaging-attachment")]
