"""The shopper's ways back from Stripe's page, mounted under ``/<lang>/checkout/stripe/``.

The webhook (``views.webhook``) is not here: config/urls.py mounts it without a language prefix.
"""

from django.urls import path

from . import views

app_name = "stripe"

urlpatterns = [
    path("return/", views.checkout_return, name="return"),
    path("cancel/", views.checkout_cancel, name="cancel"),
]
