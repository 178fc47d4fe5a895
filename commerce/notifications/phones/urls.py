"""Mounted at ``/dashboard/phones/`` (before Oscar's dashboard, which owns the rest of the prefix)."""

from django.urls import path

from . import views

app_name = "phones-dashboard"

urlpatterns = [path("", views.phone_alerts, name="alerts")]
