"""URL map of requests under /stock-oscar/: the same routes, stock Oscar's names reverse first."""

from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

from .stock_oscar import PREFIX, stock_patterns

urlpatterns = [path(PREFIX, include(stock_patterns())), *site_urlpatterns]
