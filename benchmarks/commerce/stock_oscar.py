"""Stock Oscar's storefront views, mounted under /stock-oscar/ on the same data as ours.

- product page: ``oscar.apps.catalogue.views.ProductDetailView`` (ours subclasses it and prefetches);
- catalogue list: ``oscar.apps.search.views.catalogue.CatalogueView`` (haystack, database-only
  engine) instead of our database-backed ``search.views.CatalogueView``;
- basket: Oscar's own basket page and add view (``oscar.apps.basket.views``), not our forks, which
  Oscar's class loader would otherwise give both sides;
- checkout: Oscar's multi-step checkout (gateway, shipping address, shipping method, payment
  method, payment details, preview) and its own thank-you page, instead of our pop-up and
  one-page checkouts.

Pages render the project's templates (same chrome, same product card) so the difference measured is
the views and their queries. Two URL maps use these patterns: ``urls`` (ours first) reverses names
such as ``checkout:index`` to our pages; ``stock_urls`` (these first) is the URL map of requests under
/stock-oscar/, so Oscar's redirects (``checkout:shipping-address`` …) stay on the stock flow.
"""

from django.apps import apps
from django.urls import include, path, re_path
from oscar.apps.basket.views import BasketAddView, BasketView
from oscar.apps.catalogue.views import ProductDetailView
from oscar.apps.checkout.apps import CheckoutConfig as OscarCheckoutConfig
from oscar.apps.checkout.views import ThankYouView
from oscar.apps.search.views.catalogue import CatalogueView

PREFIX = "stock-oscar/"


def catalogue_patterns():
    """Stock list and product page first (they win), then the rest of the catalogue's URL names."""
    stock = [
        path("", CatalogueView.as_view(template_name="bench/stock_oscar_browse.html"), name="index"),
        re_path(r"^(?P<product_slug>[\w-]*)_(?P<pk>\d+)/$", ProductDetailView.as_view(), name="detail"),
    ]
    return [*stock, *apps.get_app_config("catalogue").urls[0]]


def basket_patterns():
    """Oscar's basket page and add view first, then the rest of the basket's URL names."""
    stock = [
        path("", BasketView.as_view(), name="summary"),
        path("add/<int:pk>/", BasketAddView.as_view(), name="add"),
    ]
    return [*stock, *apps.get_app_config("basket").urls[0]]


def checkout_patterns():
    """Oscar's own checkout URL map: the checkout app's (unforked) Oscar step views, and Oscar's
    thank-you page first."""
    thank_you = path("thank-you/", ThankYouView.as_view(), name="thank-you")
    return [thank_you, *OscarCheckoutConfig.get_urls(apps.get_app_config("checkout"))]


def stock_patterns():
    return [
        path("catalogue/", include((catalogue_patterns(), "catalogue"), namespace="catalogue")),
        path("basket/", include((basket_patterns(), "basket"), namespace="basket")),
        path("checkout/", include((checkout_patterns(), "checkout"), namespace="checkout")),
    ]
