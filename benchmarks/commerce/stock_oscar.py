"""Stock Oscar's storefront views, mounted under /stock-oscar/ on the same data as ours.

- product page: ``oscar.apps.catalogue.views.ProductDetailView`` (ours subclasses it and prefetches);
- catalogue list: ``oscar.apps.search.views.catalogue.CatalogueView`` (haystack, database-only
  engine) instead of our database-backed ``search.views.CatalogueView``;
- basket: the same views as on our site (Oscar's, with our fork of the add view, which Oscar's
  class loader gives both sides), and the same thank-you page (our fork too);
- checkout: Oscar's multi-step checkout (gateway, shipping address, shipping method, payment
  method, payment details, preview, thank you) instead of our one-page quick checkout.

Pages render the project's templates (same chrome, same product card) so the difference measured is
the views and their queries. Two URL maps use these patterns: ``urls`` (ours first) reverses names
such as ``checkout:index`` to our pages; ``stock_urls`` (these first) is the URL map of requests under
/stock-oscar/, so Oscar's redirects (``checkout:shipping-address`` …) stay on the stock flow.
"""

from django.apps import apps
from django.urls import include, path, re_path
from oscar.apps.catalogue.views import ProductDetailView
from oscar.apps.checkout.apps import CheckoutConfig as OscarCheckoutConfig
from oscar.apps.search.views.catalogue import CatalogueView

PREFIX = "stock-oscar/"


def catalogue_patterns():
    """Stock list and product page first (they win), then the rest of the catalogue's URL names."""
    stock = [
        path("", CatalogueView.as_view(template_name="bench/stock_oscar_browse.html"), name="index"),
        re_path(r"^(?P<product_slug>[\w-]*)_(?P<pk>\d+)/$", ProductDetailView.as_view(), name="detail"),
    ]
    return [*stock, *apps.get_app_config("catalogue").urls[0]]


def checkout_patterns():
    """Oscar's own checkout URL map, built from the checkout app's (unforked) Oscar step views."""
    return OscarCheckoutConfig.get_urls(apps.get_app_config("checkout"))


def stock_patterns():
    return [
        path("catalogue/", include((catalogue_patterns(), "catalogue"), namespace="catalogue")),
        path("basket/", include((apps.get_app_config("basket").urls[0], "basket"), namespace="basket")),
        path("checkout/", include((checkout_patterns(), "checkout"), namespace="checkout")),
    ]
