"""Mounted at ``/dashboard/payments/`` (before Oscar's dashboard, which owns the rest of the prefix)."""

from django.urls import path

from . import views

app_name = "payment-dashboard"

urlpatterns = [path("refund/<str:number>/", views.refund, name="refund")]
