"""Queries against the search server; every failure surfaces as ``SearchUnavailable``."""

from dataclasses import dataclass, field

from django.conf import settings
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl.connections import connections

from commerce.catalogue.selectors import browsable_products

from .documents import ProductDocument
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


def search_products(query, *, offset=0, limit=24):
    """Public products matching ``query``, best first, loaded from the database in one query."""
    search = (
        ProductDocument.search()
        .query("multi_match", query=query, fields=SEARCH_FIELDS, fuzziness="AUTO")
        .filter("term", is_public=True)
        .source(False)
        .extra(track_total_hits=True)[offset : offset + limit]
    )
    try:
        response = search.execute()
    except (TransportError, ApiError) as exc:
        raise SearchUnavailable(str(exc)) from exc
    ids = [int(hit.meta.id) for hit in response]
    by_id = browsable_products().in_bulk(ids)
    products = [by_id[pk] for pk in ids if pk in by_id]
    return ProductSearchResult(query=query, total=response.hits.total.value, products=products)
