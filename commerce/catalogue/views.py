"""Oscar's product page, with what it renders loaded up front and served from the page cache.

Anonymous visitors without a session, basket or flash message all see the same product page, except
for the "Recently viewed" block: the page is cached without that block (``commerce.core.pagecache``,
namespace ``product``), and a hit only renders the block for this visitor, then records the view as
Oscar's ``product_viewed`` signal would (history cookie, view counter), without the database. Any
change to the product, its variants' stock and prices, its images, its recommended products, the
CMS chrome or the catalogue's structure bumps a tag of the entry, so the next visitor gets a fresh
page.
"""

import json
import re

from django.conf import settings
from oscar.apps.catalogue.views import CatalogueView, ProductCategoryView  # noqa: F401 - Oscar loads them here
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_class, get_model

from commerce.analytics import services as analytics
from commerce.core import pagecache

from . import cards, recently_viewed

ProductRecommendation = get_model("catalogue", "ProductRecommendation")
CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")

NAMESPACE = "product"
#: detail.html wraps the visitor's own "Recently viewed" block in these.
HISTORY_OPEN, HISTORY_CLOSE = "<!--recently-viewed-->", "<!--/recently-viewed-->"
HISTORY_BLOCK = re.compile(f"{HISTORY_OPEN}.*?{HISTORY_CLOSE}", re.DOTALL)


def cache_seconds():
    #: see CATALOGUE_PAGE_CACHE_SECONDS in settings
    return settings.CATALOGUE_PAGE_CACHE_SECONDS


def record_view(request, response, product_id):
    """What Oscar's ``product_viewed`` signal does for an anonymous visitor, without the product.

    Its one receiver is Oscar's history cookie (a test keeps that list); it and the view counter
    need no more than the id, so a page from the cache is answered without the database.
    """
    viewed = CustomerHistoryManager.add(CustomerHistoryManager.extract(request, response), product_id)
    response.set_cookie(
        CustomerHistoryManager.cookie_name, json.dumps(viewed), **CustomerHistoryManager.cookie_kwargs
    )
    analytics.record_product_view(product_id, request.user)


class ProductDetailView(OscarProductDetailView):
    def get(self, request, *args, **kwargs):
        entry = pagecache.cached_entry(request, NAMESPACE) if cache_seconds() > 0 else None
        if entry is None:
            return super().get(request, *args, **kwargs)
        product_id = entry["meta"]["product_id"]
        block = recently_viewed.render(request, product_id)
        html = entry["html"].replace(HISTORY_OPEN + HISTORY_CLOSE, HISTORY_OPEN + block + HISTORY_CLOSE)
        response = pagecache.response_from(request, entry, html)
        record_view(request, response, product_id)
        return response

    def send_signal(self, request, response, product):
        """Oscar calls this right after rendering a page: store it before the history cookie is set
        (``product_viewed``'s one receiver), and count the view."""
        self.store(request, response, product)
        super().send_signal(request, response, product)
        analytics.record_product_view(product.pk, request.user)

    def store(self, request, response, product):
        if cache_seconds() <= 0 or response.status_code != 200 or not pagecache.is_cacheable_request(request):
            return
        response.render()
        html = response.content.decode(response.charset)
        if not HISTORY_BLOCK.search(html):
            return  # a template without the markers: never store someone's history
        recommended = ProductRecommendation.objects.filter(primary=product).values_list(
            "recommendation_id", flat=True
        )
        pagecache.store_response(
            request,
            response,
            pagecache.product_tags([product.pk, product.parent_id, *recommended]),
            cache_seconds(),
            namespace=NAMESPACE,
            html=HISTORY_BLOCK.sub(HISTORY_OPEN + HISTORY_CLOSE, html),
            meta={"product_id": product.pk},
        )

    def get_queryset(self):
        return (
            cards.with_options(super().get_queryset())
            .select_related("parent__product_class")
            .prefetch_related(
                "categories",
                "parent__categories",
                "images",
                "attribute_values__attribute",
                cards.offers(),
            )
        )
