"""Newsletter endpoints, mounted under each language prefix (``/fr/newsletter/…``)."""

from django.urls import path

from . import views

app_name = "cms_newsletter"

urlpatterns = [
    path("", views.newsletter_signup, name="signup"),
    path("subscribe/", views.newsletter_subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.newsletter_confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.newsletter_unsubscribe, name="unsubscribe"),
]
