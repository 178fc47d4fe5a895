"""Whole-page and fragment cache for what anonymous shoppers see, kept fresh by versioned tags.

A cached entry is rendered HTML with the visitor's own values replaced by placeholders (the CSRF
token: product cards and the product page post to the basket; the Content-Security-Policy nonce of
inline scripts, which must match the header of the response that serves it), plus the version of
every tag it depends on: ``cms`` (any publish or unpublish: CMS pages and the links to them),
``settings`` (the site settings: logo, colours, contacts in every page's chrome),
``chrome:<language>`` (the published navigation menu and footer of the page's language),
``catalogue`` (categories, product classes, attributes and options: menus, breadcrumbs, labels)
and ``product:<id>`` for each product shown (bumped after commit when the product, a stock record
or an image changes, so price and stock are never stale). A hit checks those
versions in one ``get_many`` and puts this visitor's CSRF token and nonce back in.

The same tag versions keep small lookups that every uncached request would otherwise repeat
(``remember``).

Only requests that cannot differ between visitors are served from or stored in the cache: GET/HEAD,
no query string, and no session, basket or messages cookie (so no signed-in user, no basket, no
flash message). Entries live in namespaces: ``page`` entries (CMS pages) may also be answered by
``cms_pages.core.caching.PageCacheMiddleware`` before URL routing; other namespaces (the product
page, which must still record the view) are served by their own view.
"""

import re
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language

CSRF_PLACEHOLDER = "__PAGE_CACHE_CSRF_TOKEN__"
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
#: Secret (derived from SECRET_KEY): a page's own text, e.g. a seller's product description, cannot
#: spell it to be handed the visitor's nonce on a cache hit.
NONCE_PLACEHOLDER = (
    f"__PAGE_CACHE_CSP_NONCE_{salted_hmac('pagecache.nonce', 'placeholder').hexdigest()[:20]}__"
)
ENTRY_PREFIX = "pagecache:"
TAG_PREFIX = "cms:tag:"
#: Any CMS publish or unpublish: CMS pages and every link to them (menus, breadcrumbs, hreflang).
GLOBAL_TAG = "cms"
#: The site settings (logo, colours, contacts, social links): in the chrome of every page, any host.
SETTINGS_TAG = "settings"
#: Categories, product classes, attributes and options: navigation, breadcrumbs and product labels.
CATALOGUE_TAG = "catalogue"
#: Which products are listed: any product saved or deleted, or put in or out of a category.
LISTING_TAG = "listing"
#: Which experts are listed and what their cards say: any expert profile approved, changed or hidden.
EXPERTS_TAG = "experts"
#: Namespace of entries a middleware may answer before URL routing (they need no view).
PAGE_NAMESPACE = "page"
#: Lifetime of ``remember`` entries: they are checked against their tags, so this only bounds memory.
REMEMBER_SECONDS = 24 * 3600


def chrome_tag(language):
    """The published navigation menu and footer in ``language``: the chrome of that language's pages."""
    return f"chrome:{language}"


def product_tags(product_ids):
    return [f"product:{pk}" for pk in sorted({pk for pk in product_ids if pk})]


def is_cacheable_request(request):
    """Anonymous GETs of the storefront's pages, which all live under a language prefix (``/fr/…``):
    the API, the back offices and static files never reach the cache."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if not request.path_info.startswith(tuple(f"/{code}/" for code, _name in settings.LANGUAGES)):
        return False
    cookies = request.COOKIES
    private = (
        settings.SESSION_COOKIE_NAME,
        settings.OSCAR_BASKET_COOKIE_OPEN,
        CookieStorage.cookie_name,
    )
    return not any(name in cookies for name in private)


def _entry_key(request, namespace):
    return f"{ENTRY_PREFIX}{namespace}:{request.get_host()}:{request.path}"


def _tag_key(tag):
    return f"{TAG_PREFIX}{tag}"


def tag_version(tag):
    return cache.get(_tag_key(tag), "0")


def cached_entry(request, namespace=PAGE_NAMESPACE):
    """The current entry for this request (``html``, ``content_type``, ``meta``), or None."""
    if not is_cacheable_request(request):
        return None
    entry = cache.get(_entry_key(request, namespace))
    if not entry:
        return None
    tags = entry["tags"]
    current = cache.get_many([_tag_key(tag) for tag in tags])
    if any(current.get(_tag_key(tag), "0") != version for tag, version in tags.items()):
        return None
    return entry


def with_visitor_values(request, html):
    """Cached HTML with this visitor's CSRF token and CSP nonce put back in."""
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    if NONCE_PLACEHOLDER in html:
        html = html.replace(NONCE_PLACEHOLDER, str(getattr(request, "csp_nonce", "")))
    return html


def without_csrf_token(html):
    return CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", html)


def without_visitor_values(request, html):
    """Only the nonce this request was issued becomes the placeholder: a ``nonce="…"`` written in a
    page's content (a seller's description) stays as written, so the browser still refuses it."""
    html = without_csrf_token(html)
    nonce = getattr(request, "_csp_nonce", None)  # set by django-csp once the page asked for it
    return html.replace(f'nonce="{nonce}"', f'nonce="{NONCE_PLACEHOLDER}"') if nonce else html


def response_from(request, entry, html=None):
    """An HTTP response for a cached entry (``html`` when the caller filled placeholders in)."""
    html = entry["html"] if html is None else html
    response = HttpResponse(with_visitor_values(request, html), content_type=entry["content_type"])
    response["X-Page-Cache"] = "hit"
    response["Vary"] = "Cookie"
    return response


def cached_response(request, namespace=PAGE_NAMESPACE):
    """The cached page for this request, with this visitor's CSRF token and nonce, or None."""
    entry = cached_entry(request, namespace)
    return response_from(request, entry) if entry is not None else None


def store_response(request, response, tags, seconds, *, namespace=PAGE_NAMESPACE, html=None, meta=None):
    """Keep a rendered 200 response for the next anonymous visitors of this URL.

    ``html`` replaces the response's body in the entry (a caller that cut visitor-specific parts
    out); ``meta`` is kept with it for the view that serves the entry.
    """
    if seconds <= 0 or not is_cacheable_request(request) or response.status_code != 200:
        return
    if response.has_header("Set-Cookie") or getattr(response, "cookies", None):
        return
    tags = [GLOBAL_TAG, CATALOGUE_TAG, SETTINGS_TAG, chrome_tag(get_language()), *tags]
    versions = cache.get_many([_tag_key(tag) for tag in tags])
    html = html if html is not None else response.content.decode(response.charset)
    entry = {
        "html": without_visitor_values(request, html),
        "content_type": response.get("Content-Type", "text/html; charset=utf-8"),
        "tags": {tag: versions.get(_tag_key(tag), "0") for tag in tags},
        "meta": meta or {},
    }
    cache.set(_entry_key(request, namespace), entry, seconds)
    response["X-Page-Cache"] = "miss"


def invalidate(*tags):
    """Give each tag a new version now and again after commit (a page rendered meanwhile then misses)."""
    tags = tags or (GLOBAL_TAG,)

    def bump():
        cache.set_many({_tag_key(tag): uuid.uuid4().hex for tag in tags}, None)

    bump()
    transaction.on_commit(bump)


def invalidate_products(product_ids):
    tags = product_tags(product_ids)
    if tags:
        invalidate(*tags)


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


def remember_many(entries, compute, seconds):
    """``{key: value}`` for ``entries`` (``{key: tags}``), each kept until one of its tags changes.

    One ``get_many`` reads every value with every tag's version; ``compute(stale_keys)`` (a
    ``{key: value}`` that may leave keys out) fills the rest, stored with one ``set_many``. Missing
    tags get a fresh version first (so no older value can match them), in one ``set_many`` too;
    versions are read before computing, as in ``remember``.
    """
    tag_keys = {tag: _tag_key(tag) for tags in entries.values() for tag in tags}
    found = cache.get_many([*entries, *tag_keys.values()])
    started = {tag_key: uuid.uuid4().hex for tag_key in tag_keys.values() if tag_key not in found}
    if started:
        cache.set_many(started, None)
        found.update(started)
    values, stale = {}, {}
    for key, tags in entries.items():
        versions = tuple(found[tag_keys[tag]] for tag in tags)
        entry = found.get(key)
        if entry is not None and entry[0] == versions:
            values[key] = entry[1]
        else:
            stale[key] = versions
    if stale:
        computed = compute(list(stale))
        cache.set_many({key: (stale[key], value) for key, value in computed.items()}, seconds)
        values.update(computed)
    return values
