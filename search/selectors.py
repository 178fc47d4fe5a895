"""Queries against the search server; every failure surfaces as ``SearchUnavailable``."""

from dataclasses import dataclass, field

from django.conf import settings
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl.connections import connections
from oscar.core.loading import get_model

from commerce.catalogue.cards import with_card_data

from .documents import ProductDocument
from .exceptions import SearchUnavailable

Product = get_model("catalogue", "Product")

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


def browsable_products(categories=None):
    """Public parent/standalone products, newest first, with what a product card shows prefetched.

    Sellers and all variants with their stock come too, for the API's product list.
    """
    queryset = (
        with_card_data(Product.objects.browsable())
        .prefetch_related("stockrecords__partner", "children__stockrecords__partner")
        .order_by("-date_created", "-pk")
    )
    if categories is not None:
        queryset = queryset.filter(categories__in=categories).distinct()
    return queryset
