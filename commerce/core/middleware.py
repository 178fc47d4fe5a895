"""Request middleware shared by every face of the site."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import LocalePrefixPattern, get_resolver
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 under an unprefixed part of the URL map (``/api/``, ``/cms/``,
    ``/dashboard/``, …) stays a 404.

    Django retries every unprefixed 404 under the language prefix and redirects there when that
    path resolves; Wagtail's catch-all resolves every path, so an API client asking for a missing
    order was sent to an HTML page of the shopper site. A path one of the unprefixed sections owns
    was never meant to carry a language prefix.
    """

    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if response.status_code == 404 and owned_by_unprefixed_section(request.path_info, urlconf):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)


def owned_by_unprefixed_section(path, urlconf):
    """True if one of the URL map's entries outside ``i18n_patterns`` matches the start of ``path``
    (an ``include()``) or all of it (a single view)."""
    relative = path.removeprefix("/")
    return any(
        not isinstance(entry.pattern, LocalePrefixPattern) and entry.pattern.match(relative)
        for entry in get_resolver(urlconf).url_patterns
    )
