"""Mounted at ``/<lang>/accounts/downloads/``, before Oscar's customer app."""

from django.urls import path

from . import views

app_name = "digital"

urlpatterns = [
    path("", views.my_downloads, name="downloads"),
    path("file/<str:token>/", views.download, name="download"),
    path("preview/<int:pk>/", views.preview, name="preview"),
]
