"""Mounted at ``/dashboard/subscriptions/`` before Oscar's dashboard; views check access (access.py)."""

from django.urls import path

from . import views

app_name = "subscriptions-dashboard"

urlpatterns = [
    path("", views.subscription_list, name="list"),
    path("<int:pk>/advance-clock/", views.advance_clock, name="advance-clock"),
    path("plans/", views.plan_list, name="plans"),
    path("plans/<int:pk>/", views.plan_edit, name="plan-edit"),
]
