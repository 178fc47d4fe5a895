"""Faceted search over products and experts: one request to the search server returns the page of
hits, the total and every facet's counts; the same filters run in SQL when the server is down.

Filters of the selected facets go in ``post_filter`` (they narrow the hits, not the counts); each
facet's counts come from a ``filter`` aggregation holding every other facet's filters.
"""

import logging
from dataclasses import dataclass, field

from django.db.models import Case, F, When
from django.utils.translation import gettext_lazy as _
from elasticsearch import ApiError, BadRequestError, NotFoundError, TransportError

from . import facets as facet_defs
from .exceptions import SearchUnavailable

logger = logging.getLogger(__name__)

RELEVANCE = "relevancy"


@dataclass(frozen=True)
class Sort:
    label: object
    #: Search-server sort clauses (empty: by score).
    es: tuple
    #: ``order_by`` of the database fallback.
    db: tuple


@dataclass(frozen=True)
class Kind:
    """A searchable type: its document, text fields, facets and sorts, and its database side."""

    name: str
    document: object
    text_fields: tuple
    facets: object  # () -> tuple of facets
    sorts: dict
    base_filters: tuple = ()
    #: ``(queryset, sort_key) -> queryset`` prepared for the database fallback's ordering.
    db_prepare: object = None


@dataclass
class Selection:
    """What a visitor asked: the text, the selected values per facet, the sort and the page."""

    query: str = ""
    values: dict = field(default_factory=dict)
    sort: str = RELEVANCE

    def active(self):
        return {name: values for name, values in self.values.items() if values}


@dataclass
class Result:
    total: int
    ids: list
    facets: list
    #: ``{id: stored fields}`` of the hits, when ``run`` was asked for ``fields``.
    sources: dict = field(default_factory=dict)


def parse(kind, params, facets=None):
    """Read ``q``, each facet's parameter and ``sort_by`` (or ``sort``) from a query dict."""
    facets = facets if facets is not None else kind.facets()
    query = (params.get("q") or "").strip()[:200]
    sort = params.get("sort_by") or params.get("sort") or RELEVANCE
    if sort not in kind.sorts:
        sort = RELEVANCE
    values = {facet.name: facet.selected(params) for facet in facets}
    return Selection(query=query, values={k: v for k, v in values.items() if v}, sort=sort)


#: Longest word still matched with typos: a fuzzy match builds an automaton as long as the word,
#: and a pasted token of hundreds of characters took the search server past its timeout.
FUZZY_WORD_MAX = 30


def _text_query(kind, query):
    if not query:
        return {"match_all": {}}
    fuzzy = all(len(word) <= FUZZY_WORD_MAX for word in query.split())
    options = {"fuzziness": "AUTO"} if fuzzy else {}
    return {"multi_match": {"query": query, "fields": list(kind.text_fields), **options}}


def build_search(kind, selection, facets, *, offset=0, limit=24, restrict=(), aggregate=True, fields=()):
    """The search-server request body for ``selection`` (``restrict``: extra filter clauses, e.g.
    a category), written as the plain dict the server reads: building it through the DSL's
    objects cost more than the rest of the endpoint's own work."""
    filters = {
        facet.name: facet.es_filter(selection.values[facet.name])
        for facet in facets
        if selection.values.get(facet.name)
    }
    query = {"must": [_text_query(kind, selection.query)]}
    base = [*kind.base_filters, *restrict]
    if base:
        query["filter"] = base
    body = {"query": {"bool": query}}
    if filters:
        body["post_filter"] = {"bool": {"filter": list(filters.values())}}
    if aggregate and facets:
        body["aggs"] = {}
        for facet in facets:
            others = [clause for name, clause in filters.items() if name != facet.name]
            body["aggs"][facet.name] = {
                "filter": {"bool": {"filter": others} if others else {}},
                "aggs": {"values": facet.es_agg()},
            }
    sort = kind.sorts[selection.sort].es
    if sort or not selection.query:
        body["sort"] = list(sort or kind.sorts["newest"].es)
    body.update(_source=list(fields) or False, track_total_hits=True, **{"from": offset, "size": limit})
    return body


def run(kind, selection, *, offset=0, limit=24, restrict=(), facets=None, fields=()):
    """Hits (ids, best first; with ``fields``, their stored values too), total and labelled facet
    counts; ``SearchUnavailable`` if down."""
    facets = facets if facets is not None else kind.facets()
    body = build_search(kind, selection, facets, offset=offset, limit=limit, restrict=restrict, fields=fields)
    try:
        # The low-level client's raw answer: the DSL's wrappers around the request, every hit and
        # every bucket cost more than reading the JSON.
        body = kind.document._get_connection().search(index=kind.document._default_index(), body=body).body
    except NotFoundError:
        logger.warning("no %s index yet: nothing to find", kind.name)
        return Result(total=0, ids=[], facets=[])
    except BadRequestError as exc:  # a request the server cannot run (a page past its window): none
        logger.warning("%s search refused by the search server: %s", kind.name, exc)
        return Result(total=0, ids=[], facets=[])
    except (TransportError, ApiError) as exc:
        raise SearchUnavailable(str(exc)) from exc
    hits = body["hits"]["hits"]
    return Result(
        total=body["hits"]["total"]["value"],
        ids=[int(hit["_id"]) for hit in hits],
        facets=label_facets(facets, body.get("aggregations", {}), selection),
        sources={int(hit["_id"]): hit.get("_source", {}) for hit in hits} if fields else {},
    )


def label_facets(facets, aggregations, selection):
    """``FacetCounts`` per facet with a non-empty value or a selection, values labelled."""
    labelled = []
    for facet in facets:
        chosen = selection.values.get(facet.name, [])
        buckets = facet.buckets(aggregations[facet.name]["values"])
        counts = dict(buckets)
        ordered = [value for value, count in buckets if count or value in chosen]
        ordered += [value for value in chosen if value not in counts]
        if not ordered:
            continue
        labels = facet.labels(ordered) if facet.labels else {}
        labelled.append(
            facet_defs.FacetCounts(
                name=facet.name,
                label=str(facet.label),
                values=[
                    facet_defs.FacetValue(
                        value=value,
                        label=str(labels.get(value, value)),
                        count=counts.get(value, 0),
                        selected=value in chosen,
                    )
                    for value in ordered
                ],
            )
        )
    return labelled


def filter_queryset(kind, queryset, selection, facets=None, *, except_facet=None):
    """The database's version of the selection's facet filters (text is not searched here)."""
    facets = facets if facets is not None else kind.facets()
    for facet in facets:
        values = selection.values.get(facet.name)
        if values and facet.name != except_facet:
            queryset = facet.db(queryset, values)
    return queryset


def order_queryset(kind, queryset, selection):
    if kind.db_prepare:
        queryset = kind.db_prepare(queryset, selection.sort)
    return queryset.order_by(*kind.sorts[selection.sort].db)


# --- The two kinds ---------------------------------------------------------------------------


def _products_prepare(queryset, sort):
    if sort in ("price-asc", "price-desc"):
        return facet_defs.with_lowest_price(queryset)
    return queryset


def _experts_prepare(queryset, sort):
    from django.db.models.functions import Least

    if sort in ("price-asc", "price-desc"):
        return queryset.annotate(lowest_price=Least("text_price", "video_price", "call_price_per_minute"))
    if sort == "rating":  # an expert without a published rating has none (not 0): last
        return queryset.annotate(
            rated=Case(When(rating_summary__count__gt=0, then=F("rating_summary__average")), default=None)
        )
    return queryset


def products():
    from .documents import ProductDocument
    from .selectors import SEARCH_FIELDS

    return Kind(
        name="products",
        document=ProductDocument,
        text_fields=SEARCH_FIELDS,
        facets=facet_defs.product_facets,
        base_filters=({"term": {"is_public": True}},),
        db_prepare=_products_prepare,
        sorts={
            RELEVANCE: Sort(_("Relevance"), (), ("-date_created", "-pk")),
            "price-asc": Sort(
                _("Price: low to high"),
                ({"price": {"order": "asc", "missing": "_last"}},),
                (F("search_price").asc(nulls_last=True), "-pk"),
            ),
            "price-desc": Sort(
                _("Price: high to low"),
                ({"price": {"order": "desc", "missing": "_last"}},),
                (F("search_price").desc(nulls_last=True), "-pk"),
            ),
            "newest": Sort(_("Newest"), ({"date_created": "desc"},), ("-date_created", "-pk")),
            "bestselling": Sort(
                _("Best-selling"),
                ({"num_purchases": "desc"}, {"date_created": "desc"}),
                (F("stats__num_purchases").desc(nulls_last=True), "-date_created", "-pk"),
            ),
            "rating": Sort(
                _("Customer rating"),
                ({"rating": {"order": "desc", "missing": "_last"}},),
                (F("rating").desc(nulls_last=True), "-pk"),
            ),
        },
    )


#: Expert fields searched by text: names, bios in each language, domain names in every language.
EXPERT_FIELDS = ("full_name^3", "domain_names^2", "bio_fr", "bio_en", "bio_ar")


def experts():
    from .documents import ExpertDocument

    return Kind(
        name="experts",
        document=ExpertDocument,
        text_fields=EXPERT_FIELDS,
        facets=lambda: facet_defs.EXPERT_FACETS,
        db_prepare=_experts_prepare,
        sorts={
            RELEVANCE: Sort(_("Relevance"), (), ("-approved_at", "pk")),
            "price-asc": Sort(
                _("Price: low to high"),
                ({"lowest_price": {"order": "asc", "missing": "_last"}},),
                (F("lowest_price").asc(nulls_last=True), "pk"),
            ),
            "price-desc": Sort(
                _("Price: high to low"),
                ({"lowest_price": {"order": "desc", "missing": "_last"}},),
                (F("lowest_price").desc(nulls_last=True), "pk"),
            ),
            "newest": Sort(_("Newest"), ({"approved_at": "desc"},), ("-approved_at", "pk")),
            "rating": Sort(
                _("Customer rating"),
                ({"rating": {"order": "desc", "missing": "_last"}}, {"rating_count": "desc"}),
                (F("rated").desc(nulls_last=True), "-rating_summary__count", "pk"),
            ),
            "popular": Sort(
                _("Most reviewed"),
                ({"rating_count": "desc"}, {"approved_at": "desc"}),
                (F("rating_summary__count").desc(nulls_last=True), "-approved_at", "pk"),
            ),
        },
    )


KINDS = {"products": products, "experts": experts}
