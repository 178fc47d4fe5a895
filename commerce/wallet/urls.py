"""Mounted at ``/<lang>/accounts/wallet/``, before Oscar's customer app (the rest of ``accounts/``)."""

from django.urls import path

from . import views

app_name = "wallet"

urlpatterns = [
    path("", views.wallet, name="wallet"),
    path("history.csv", views.history_csv, name="history-csv"),
]
