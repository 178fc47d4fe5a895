from django.utils.deprecation import MiddlewareMixin

from .stock_oscar import PREFIX


class StockOscarURLConfMiddleware(MiddlewareMixin):
    """Requests under /stock-oscar/ use ``stock_urls``, where stock Oscar's views own the URL names.

    Oscar's views redirect with ``reverse("checkout:…")`` and no instance namespace, so the URL map
    of the request decides which checkout the names point to. Costs our pages one string test.
    """

    def process_request(self, request):
        if request.path_info.startswith("/" + PREFIX):
            request.urlconf = "benchmarks.commerce.stock_urls"
