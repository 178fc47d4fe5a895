"""Mounted at ``/dashboard/digital/``: a seller's digital products (their own shop's only)."""

from django.urls import path

from . import views

app_name = "digital-dashboard"

urlpatterns = [
    path("", views.product_list, name="products"),
    path("moderation/", views.moderation, name="moderation"),
    path("disputes/<int:pk>/", views.dispute_detail, name="dispute"),
    path("<int:pk>/", views.product_detail, name="product"),
    path("<int:pk>/upload/", views.upload_chunk, name="upload"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/keys/", views.import_keys, name="keys"),
    path("<int:pk>/keys/<int:key_pk>/", views.key_action, name="key"),
]
