"""Mounted at ``/dashboard/experts/`` (before Oscar's dashboard): the platform admins' review queue."""

from django.urls import path

from . import views

app_name = "experts-dashboard"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.application, name="application"),
    path("<int:pk>/documents/<str:side>/", views.document, name="document"),
]
