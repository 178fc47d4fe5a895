"""Mounted by config/urls.py: ``customer_patterns`` under ``<lang>/accounts/orders/`` (before Oscar's
customer app), ``dashboard_patterns`` under ``dashboard/returns/``."""

from django.urls import path

from . import views

customer_patterns = (
    [
        path("<str:number>/cancel/", views.cancel_order, name="cancel-order"),
        path("<str:number>/returns/", views.request_return, name="request"),
    ],
    "returns",
)

dashboard_patterns = (
    [
        path("", views.queue, name="queue"),
        path("photos/<int:pk>/", views.photo, name="photo"),
    ],
    "returns-dashboard",
)
