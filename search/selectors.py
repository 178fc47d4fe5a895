"""Reads of search: the server's health, what fields words are looked for in, a visitor's recent
and saved searches; every failure of the search server surfaces as ``SearchUnavailable``."""

from dataclasses import dataclass, field

from django.conf import settings
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl.connections import connections

from .exceptions import SearchUnavailable

#: Titles in every language (a shopper may type French on the Arabic site), keywords, seller names.
SEARCH_FIELDS = (
    "title^3",
    "title_fr^3",
    "title_en^3",
    "title_ar^3",
    "keywords^2",
    "description_fr",
    "description_en",
    "description_ar",
    "upc^5",
    "categories",
    "sellers",
)


@dataclass
class ProductSearchResult:
    query: str
    total: int = 0
    products: list = field(default_factory=list)


def search_server_info():
    """Name and version of the search server (raises if it is unreachable)."""
    try:
        info = connections.get_connection().options(request_timeout=settings.SEARCH_TIMEOUT).info()
    except (TransportError, ApiError) as exc:
        raise SearchUnavailable(str(exc)) from exc
    version = info.get("version", {})
    return f"{version.get('distribution', 'elasticsearch')} {version.get('number', '?')}"


def recent_searches(request, kind=None):
    """The visitor's recent searches, newest first (a guest's by their session)."""
    from .models import RecentSearch

    if request.user.is_authenticated:
        searches = RecentSearch.objects.filter(user=request.user)
    elif request.session.session_key:
        searches = RecentSearch.objects.filter(user=None, session_key=request.session.session_key)
    else:
        return []
    if kind:
        searches = searches.filter(kind=kind)
    return list(searches[: settings.SEARCH_RECENT_KEPT])


def saved_searches(user):
    from .models import SavedSearch

    return SavedSearch.objects.filter(user=user)
