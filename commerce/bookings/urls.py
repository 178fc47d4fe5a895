"""Mounted under the language prefix by config/urls.py (before the account pages)."""

from django.urls import path

from . import views

app_name = "bookings"

urlpatterns = [
    path("accounts/bookings/", views.mine, name="mine"),
    path("bookings/<int:pk>/", views.act, name="act"),
    path("accounts/bookings/<int:pk>/reschedule/", views.reschedule, name="reschedule"),
    path("bookings/<int:pk>/booking.ics", views.booking_ics, name="booking-ics"),
    path("bookings/experts/<slug:slug>/", views.book_expert, name="book-expert"),
    path("bookings/services/<int:pk>/", views.book_service, name="book-service"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("expert/bookings/", views.provider_calendar, name="provider"),
    path("expert/bookings/month/", views.provider_month, name="provider-month"),
    path("expert/availability/", views.availability, name="availability"),
    path("expert/availability/preview/", views.availability_preview, name="availability-preview"),
]
