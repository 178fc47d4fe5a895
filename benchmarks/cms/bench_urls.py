"""The site's URLs plus a bare Django "hello" view, the baseline of the benchmark."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def hello(request):
    return HttpResponse(b"hello", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello), *site_urlpatterns]
