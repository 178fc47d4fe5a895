"""The site's URL map, stock Oscar's views under /stock-oscar/ (names reverse to ours), and a bare view.

``/bench/hello/`` answers without template or query: its req/s is the ceiling of the server and the
load generator on the machine at hand, against which the pages' figures can be read.
"""

from django.http import HttpResponse
from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

from .stock_oscar import PREFIX, stock_patterns


def hello(request):
    return HttpResponse(b"hello", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello), *site_urlpatterns, path(PREFIX, include(stock_patterns()))]
