"""Whole-page cache of the marketing pages (home, landing, promo) seen by anonymous shoppers.

The mechanics (entries, tags, CSRF placeholder) are ``commerce.core.pagecache``; here are the CMS's
own tags and the two ways CMS pages use it. Besides ``cms``, ``catalogue`` and ``product:<id>``,
the CMS keeps small lookups under ``pages`` (the page tree: view restrictions, translations, pages'
URLs; bumped when a page is saved, moved or deleted, a view restriction or a site changes),
``testimonials`` and ``rankings`` (the product ids of best-seller and bought-together blocks).

``PageCacheMiddleware`` serves cached pages before URL routing when it is in ``MIDDLEWARE`` (right
after ``CsrfViewMiddleware``); without it, pages serve hits from ``serve()``.
"""

from django.conf import settings

from commerce.core import pagecache

PAGES_TAG = "pages"
TESTIMONIALS_TAG = "testimonials"
#: Best-sellers and "often bought together", recomputed by a scheduled task.
RANKINGS_TAG = "rankings"


def cache_seconds():
    #: see CMS_PAGE_CACHE_SECONDS in settings
    return settings.CMS_PAGE_CACHE_SECONDS


def cached_response(request):
    return pagecache.cached_response(request) if cache_seconds() > 0 else None


class PageCacheMiddleware:
    """Optional fast path: answer cached pages before URL routing and Wagtail's page lookup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = cached_response(request)
        if response is not None:
            return response
        return self.get_response(request)


class CachedPageMixin:
    """For page models: serve anonymous visitors from the page cache, store what was rendered."""

    def serve(self, request, *args, **kwargs):
        hit = cached_response(request)
        if hit is not None:
            return hit
        response = super().serve(request, *args, **kwargs)
        if pagecache.is_cacheable_request(request) and hasattr(response, "render"):
            response.render()
            loader = getattr(response, "context_data", None) or {}
            commerce = loader.get("commerce")
            # Any page may hold expert cards: an expert's change refreshes the cached CMS pages.
            tags = [*pagecache.product_tags(commerce.product_ids if commerce else ()), pagecache.EXPERTS_TAG]
            pagecache.store_response(request, response, tags, cache_seconds())
        return response
