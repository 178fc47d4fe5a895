"""Mounted at ``/dashboard/wallet/`` before Oscar's dashboard; each view checks its own roles (access.py)."""

from django.urls import path

from . import views

app_name = "wallet-dashboard"

urlpatterns = [
    path("", views.accounts, name="accounts"),
    path("transactions/", views.transactions, name="transactions"),
    path("holds/", views.holds, name="holds"),
    path("reconciliation/", views.reconciliation, name="reconciliation"),
    path("goodwill/", views.goodwill, name="goodwill"),
]
