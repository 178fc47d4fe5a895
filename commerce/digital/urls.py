"""Mounted at ``/<lang>/accounts/downloads/``, before Oscar's customer app."""

from django.urls import path

from . import views

app_name = "digital"

urlpatterns = [
    path("", views.my_downloads, name="downloads"),
    path("file/<str:token>/", views.download, name="download"),
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("report/<int:pk>/", views.report, name="report"),
    path("dispute/<int:line_id>/", views.open_dispute, name="open-dispute"),
    path("disputes/<int:pk>/message/", views.dispute_message, name="dispute-message"),
]
