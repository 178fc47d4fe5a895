"""REST API under /api/: each domain registers its viewsets; the OpenAPI schema and docs sit beside.

Every view's response is rendered in the view's own thread (``commerce.api.rendering``): under ASGI
Django's deferred rendering of a DRF response cost two more hops between threads per call.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from commerce.api.rendering import render_in_view_thread
from commerce.users.api import MeView

urlpatterns = render_in_view_thread(
    [
        path("me/", MeView.as_view(), name="api-me"),
        path("", include("commerce.api.urls")),
        path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
        path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
        path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    ]
)
