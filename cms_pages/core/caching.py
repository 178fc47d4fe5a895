"""Whole-page cache for the marketing pages (home, landing, promo) seen by anonymous shoppers.

A cached entry is the rendered HTML with the CSRF token replaced by a placeholder (the product cards
post to the basket), plus the version of every tag the page depends on: ``cms`` (any publish,
unpublish, snippet or settings change) and ``product:<id>`` for each product it shows (bumped after
commit when the product, a stock record or an image changes, so price and stock are never stale).
A hit checks those versions in one ``get_many`` and puts a fresh CSRF token back in.

The same tag versions keep the small lookups every uncached request would otherwise repeat
(``remember``): ``pages`` (the page tree: view restrictions, translations, pages' URLs; bumped when a
page is saved, moved or deleted, a view restriction or a site changes) and ``testimonials``.

Only requests that cannot differ between visitors are served from or stored in the cache: GET/HEAD,
no query string, and no session, basket or messages cookie (so no signed-in user, no basket, no
flash message). ``PageCacheMiddleware`` serves the same entries before URL routing when it is in
``MIDDLEWARE`` (right after ``CsrfViewMiddleware``); without it, pages serve hits from ``serve()``.
"""

import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token

CSRF_PLACEHOLDER = "__CMS_CSRF_TOKEN__"
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
ENTRY_PREFIX = "cms:page:"
TAG_PREFIX = "cms:tag:"
GLOBAL_TAG = "cms"
PAGES_TAG = "pages"
TESTIMONIALS_TAG = "testimonials"
#: Lifetime of ``remember`` entries: they are checked against their tags, so this only bounds memory.
REMEMBER_SECONDS = 24 * 3600


def cache_seconds():
    #: see CMS_PAGE_CACHE_SECONDS in settings
    return getattr(settings, "CMS_PAGE_CACHE_SECONDS", 600)


def is_cacheable_request(request):
    if cache_seconds() <= 0 or request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    cookies = request.COOKIES
    private = (
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "OSCAR_BASKET_COOKIE_OPEN", "oscar_open_basket"),
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
    )
    return not any(name in cookies for name in private)


def _entry_key(request):
    return f"{ENTRY_PREFIX}{request.get_host()}:{request.path}"


def _tag_key(tag):
    return f"{TAG_PREFIX}{tag}"


def cached_response(request):
    """The cached page for this request, with a fresh CSRF token, or None."""
    if not is_cacheable_request(request):
        return None
    entry = cache.get(_entry_key(request))
    if not entry:
        return None
    tags = entry["tags"]
    current = cache.get_many([_tag_key(tag) for tag in tags])
    if any(current.get(_tag_key(tag), "0") != version for tag, version in tags.items()):
        return None
    html = entry["html"]
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(html, content_type=entry["content_type"])
    response["X-Page-Cache"] = "hit"
    response["Vary"] = "Cookie"
    return response


def store_response(request, response, product_ids=()):
    """Keep a rendered 200 response for the next anonymous visitors of this URL."""
    if not is_cacheable_request(request) or response.status_code != 200 or response.has_header("Set-Cookie"):
        return
    if getattr(response, "cookies", None):
        return
    tags = [GLOBAL_TAG, *(f"product:{pk}" for pk in sorted(product_ids))]
    versions = cache.get_many([_tag_key(tag) for tag in tags])
    html = CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode(response.charset))
    entry = {
        "html": html,
        "content_type": response.get("Content-Type", "text/html; charset=utf-8"),
        "tags": {tag: versions.get(_tag_key(tag), "0") for tag in tags},
    }
    cache.set(_entry_key(request), entry, cache_seconds())
    response["X-Page-Cache"] = "miss"


def invalidate(*tags):
    """Give each tag a new version now and again after commit (a page rendered meanwhile then misses)."""
    tags = tags or (GLOBAL_TAG,)

    def bump():
        cache.set_many({_tag_key(tag): uuid.uuid4().hex for tag in tags}, None)

    bump()
    transaction.on_commit(bump)


def remember(key, tags, compute, seconds=REMEMBER_SECONDS):
    """``compute()``, kept under ``key`` until one of ``tags`` is invalidated (one cache round trip).

    Tag versions are read before computing, so a value computed while a change commits is stored
    under the old version and thrown away by the next reader.
    """
    tag_keys = [_tag_key(tag) for tag in tags]
    found = cache.get_many([key, *tag_keys])
    versions = tuple(found.get(tag_key) or _start_version(tag_key) for tag_key in tag_keys)
    entry = found.get(key)
    if entry is not None and entry[0] == versions:
        return entry[1]
    value = compute()
    cache.set(key, (versions, value), seconds)
    return value


def _start_version(tag_key):
    """A missing (never set, or evicted) tag gets a fresh version, so no older entry can match it."""
    cache.add(tag_key, uuid.uuid4().hex, None)
    return cache.get(tag_key)


def invalidate_products(product_ids):
    ids = {pk for pk in product_ids if pk}
    if ids:
        invalidate(*(f"product:{pk}" for pk in ids))


class CachedPageMixin:
    """For page models: serve anonymous visitors from the page cache, store what was rendered."""

    def serve(self, request, *args, **kwargs):
        hit = cached_response(request)
        if hit is not None:
            return hit
        response = super().serve(request, *args, **kwargs)
        if is_cacheable_request(request) and hasattr(response, "render"):
            response.render()
            loader = getattr(response, "context_data", None) or {}
            commerce = loader.get("commerce")
            store_response(request, response, commerce.product_ids if commerce else ())
        return response


class PageCacheMiddleware:
    """Optional fast path: answer cached pages before URL routing and Wagtail's page lookup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = cached_response(request)
        if response is not None:
            return response
        return self.get_response(request)
