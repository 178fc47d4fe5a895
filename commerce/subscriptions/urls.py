"""Mounted at ``/<lang>/accounts/subscriptions/`` (the customer's subscriptions)."""

from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("subscribe/<int:product_pk>/", views.subscribe, name="subscribe"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/resume/", views.resume, name="resume"),
    path("<int:pk>/pause/", views.pause, name="pause"),
    path("<int:pk>/switch/", views.switch, name="switch"),
    path("<int:pk>/card/", views.card, name="card"),
]
