from django.urls import path

from . import views

app_name = "sellers"

urlpatterns = [
    path("<slug:slug>/", views.ShopView.as_view(), name="shop"),
]
