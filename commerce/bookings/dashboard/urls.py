"""Mounted at ``/dashboard/bookings/`` before Oscar's dashboard; the view checks who may see what."""

from django.urls import path

from . import views

app_name = "bookings-dashboard"

urlpatterns = [path("", views.bookings, name="list")]
