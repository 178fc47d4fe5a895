"""Facets: one definition per filter, used by the search server (filters, aggregations) and by the
database (the same filters in SQL when the search server is down, and as the reference in tests).

A facet reads its selected values from the query string (its ``name`` is the URL parameter, so a
filtered page has one canonical, shareable URL), filters the documents, and counts its values
among the documents matching every OTHER facet's filter: picking "red" keeps "blue" countable, as
in every real store. Values of one facet are OR'ed, facets are AND'ed.
"""

from dataclasses import dataclass, field, replace
from functools import partial
from typing import ClassVar

from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

#: Most buckets a terms facet shows (sellers, attributes…).
TERMS_SIZE = 50


@dataclass(frozen=True)
class TermsFacet:
    """Keyword values (ids, slugs, booleans as ``true``/``false``) of a document field."""

    name: str
    label: object
    field: str
    #: ``db(queryset, values) -> queryset``: the same filter in SQL.
    db: object = None
    #: ``labels(values) -> {value: label}`` for display (the value itself otherwise).
    labels: object = None
    #: Prefix of this facet's values in a shared field (``colour:`` in ``attributes``).
    prefix: str = ""
    #: The only values it takes, when the field has a type (a boolean): others are ignored, as the
    #: search server would refuse the whole query for them.
    choices: tuple = ()

    def selected(self, params):
        values = [value for value in params.getlist(self.name) if value]
        if self.choices:
            values = [value for value in values if value in self.choices]
        return values[:TERMS_SIZE]

    def es_filter(self, values):
        return {"terms": {self.field: [self.prefix + value for value in values]}}

    def es_agg(self):
        return {"terms": {"field": self.field, "size": TERMS_SIZE if not self.prefix else 1000}}

    def buckets(self, agg):
        counts = []
        for bucket in agg["buckets"]:
            key = str(bucket.get("key_as_string", bucket["key"]))
            if self.prefix:
                if not key.startswith(self.prefix):
                    continue
                key = key[len(self.prefix) :]
            counts.append((key, bucket["doc_count"]))
        return counts[:TERMS_SIZE]


@dataclass(frozen=True)
class RangeFacet:
    """Price bands: values ``"20-50"`` (from 20 included to 50 excluded) and ``"200-"``."""

    name: str
    label: object
    field: str
    bounds: tuple
    db: object = None
    labels: object = None
    prefix: str = ""

    @property
    def ranges(self):
        edges = (0, *self.bounds)
        return [(low, high) for low, high in zip(edges, (*self.bounds, None), strict=True)]

    @staticmethod
    def key(low, high):
        return f"{low}-{'' if high is None else high}"

    def parse(self, value):
        return next(((low, high) for low, high in self.ranges if self.key(low, high) == value), None)

    def selected(self, params):
        return [value for value in params.getlist(self.name) if self.parse(value)]

    def es_filter(self, values):
        shoulds = []
        for value in values:
            low, high = self.parse(value)
            shoulds.append({"range": {self.field: {"gte": low, **({"lt": high} if high else {})}}})
        return {"bool": {"should": shoulds, "minimum_should_match": 1}}

    def es_agg(self):
        return {
            "range": {
                "field": self.field,
                "ranges": [
                    {"key": self.key(low, high), "from": low, **({"to": high} if high else {})}
                    for low, high in self.ranges
                ],
            }
        }

    def buckets(self, agg):
        return [(bucket["key"], bucket["doc_count"]) for bucket in agg["buckets"]]

    def db_q(self, column, values):
        where = Q()
        for value in values:
            low, high = self.parse(value)
            where |= Q(**{f"{column}__gte": low, **({f"{column}__lt": high} if high else {})})
        return where


@dataclass(frozen=True)
class MinimumFacet:
    """ "At least N" (ratings): one value, the lowest accepted."""

    #: One value at a time: picking another replaces it.
    single: ClassVar[bool] = True

    name: str
    label: object
    field: str
    steps: tuple = (4, 3, 2, 1)
    db: object = None
    labels: object = None
    prefix: str = ""

    def selected(self, params):
        value = params.get(self.name, "")
        return [value] if value in {str(step) for step in self.steps} else []

    def es_filter(self, values):
        return {"range": {self.field: {"gte": int(values[0])}}}

    def es_agg(self):
        return {"range": {"field": self.field, "ranges": [{"key": str(s), "from": s} for s in self.steps]}}

    def buckets(self, agg):
        return [(bucket["key"], bucket["doc_count"]) for bucket in agg["buckets"]]


@dataclass(frozen=True)
class WithinFacet:
    """ "Available in the next N days": one value, a window of ``search.availability.WINDOWS``
    holding the documents whose date (the next free slot) comes before the window's end."""

    single: ClassVar[bool] = True

    name: str
    label: object
    field: str
    db: object = None
    labels: object = None
    prefix: str = ""

    @staticmethod
    def windows():
        from . import availability

        return dict(availability.WINDOWS)

    @classmethod
    def end(cls, value):
        """The window's end in epoch milliseconds (how the search server reads a date)."""
        from . import availability

        return int(availability.window_end(cls.windows()[value]).timestamp() * 1000)

    def selected(self, params):
        value = params.get(self.name, "")
        return [value] if value in self.windows() else []

    def es_filter(self, values):
        return {"range": {self.field: {"lt": self.end(values[0])}}}

    def es_agg(self):
        ranges = [{"key": value, "to": self.end(value)} for value in self.windows()]
        return {"range": {"field": self.field, "ranges": ranges}}

    def buckets(self, agg):
        return [(bucket["key"], bucket["doc_count"]) for bucket in agg["buckets"]]


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class FacetCounts:
    name: str
    label: str
    values: list = field(default_factory=list)


#: Most labels remembered per language by ``remembered_labels`` (a value a visitor typed is one).
REMEMBERED_LABELS_MAX = 500


def remembered_labels(labels):
    """``labels`` remembered per language and value: every answer labels the same few values (price
    bands, rating steps, yes/no, services), and each label is a translation lookup, most of them a
    lazy string formatted (a fifth of an expert search's own time); the texts change only with a
    new release."""
    memo = {}

    def remembered(values):
        known = memo.setdefault(get_language(), {})
        missing = [value for value in values if value not in known]
        found = {value: str(label) for value, label in labels(missing).items()} if missing else {}
        if found and len(known) < REMEMBERED_LABELS_MAX:
            known.update(found)
        return {value: label for value in values if (label := known.get(value, found.get(value))) is not None}

    return remembered


@remembered_labels
def rating_labels(values):
    return {value: _("%(stars)s★ and more") % {"stars": value} for value in values}


@remembered_labels
def yes_no_labels(values):
    return {"true": _("Yes"), "false": _("No")}


@remembered_labels
def availability_labels(values):
    names = {"today": _("Today"), "3": _("Within 3 days"), "7": _("Within 7 days")}
    return {value: names.get(value, value) for value in values}


@remembered_labels
def price_labels(values):
    labels = {}
    for value in values:
        low, _sep, high = value.partition("-")
        labels[value] = (
            _("%(low)s to %(high)s") % {"low": low, "high": high}
            if high
            else _("%(low)s and more") % {"low": low}
        )
    return labels


# --- Products --------------------------------------------------------------------------------


def _product_models():
    from oscar.core.loading import get_model

    return (
        get_model("catalogue", "Category"),
        get_model("catalogue", "ProductAttributeValue"),
        get_model("partner", "StockRecord"),
        get_model("partner", "Partner"),
        get_model("catalogue", "ProductClass"),
    )


def _records_of(**lookups):
    """Stock records of the outer product, and those of its variants: two subqueries, each on an
    index (one ``product = … OR parent = …`` subquery scans every stock record per product)."""
    StockRecord = _product_models()[2]
    return (
        StockRecord.objects.filter(product=OuterRef("pk"), **lookups),
        StockRecord.objects.filter(product__parent=OuterRef("pk"), **lookups),
    )


def _any_record(**lookups):
    own, variants = _records_of(**lookups)
    return Q(Exists(own)) | Q(Exists(variants))


def with_lowest_price(queryset):
    """``search_price``: the lowest price of a product's own or variants' stock records, as indexed
    (read from the ``search.models.ProductOffer`` view: one grouped pass, not a subquery per row)."""
    return queryset.annotate(search_price=F("search_offer__price"))


def in_categories(categories):
    """Products filed in any of ``categories`` (a queryset or ids), as an ``EXISTS``: a join would
    repeat a product once per matching category, and the ``DISTINCT`` that undoes it sorts every
    wide product row before a page can be cut."""
    from oscar.core.loading import get_model

    filed = get_model("catalogue", "Product").categories.through.objects
    return Exists(filed.filter(product=OuterRef("pk"), category__in=categories))


def _category_db(queryset, values):
    Category = _product_models()[0]
    ids = set()
    for category in Category.objects.filter(pk__in=[v for v in values if v.isdigit()]):
        ids.update(category.get_descendants_and_self().values_list("pk", flat=True))
    return queryset.filter(in_categories(ids))


#: Seconds the names of categories, sellers, product classes and attributes are kept at most.
VOCABULARY_SECONDS = 300


def product_vocabulary():
    """Names of every category, seller, product class and filterable attribute, in the active
    language, remembered (one cache round trip) so a facet page costs no query for its labels."""
    from commerce.core import pagecache

    def compute():
        Category, _v, _s, Partner, ProductClass = _product_models()
        from oscar.core.loading import get_model

        attributes = {}
        for code, name in (
            get_model("catalogue", "ProductAttribute")
            .objects.filter(type__in=FILTERABLE_ATTRIBUTE_TYPES)
            .order_by("code", "pk")
            .values_list("code", "name")
        ):
            attributes.setdefault(code, name)
        return {
            "category": {str(c.pk): c.name for c in Category.objects.all()},
            "seller": dict(Partner.objects.values_list("code", "name")),
            "type": dict(ProductClass.objects.values_list("slug", "name")),
            "attributes": attributes,
        }

    return pagecache.remember(
        f"search:vocabulary:{get_language()}",
        [pagecache.CATALOGUE_TAG, pagecache.LISTING_TAG],
        compute,
        VOCABULARY_SECONDS,
    )


def _vocabulary_labels(name):
    def labels(values, names=None):
        if names is None:  # one cache round trip per facet, not per value
            names = product_vocabulary()[name]
        return {value: names.get(value, value) for value in values}

    labels.vocabulary = name
    return labels


_category_labels = _vocabulary_labels("category")
_seller_labels = _vocabulary_labels("seller")
_type_labels = _vocabulary_labels("type")


def _price_db(queryset, values):
    return with_lowest_price(queryset).filter(_product_price.db_q("search_price", values))


def _in_stock_db(queryset, values):
    if set(values) >= {"true", "false"}:
        return queryset
    stocked = Q(product_class__track_stock=False) | _any_record(
        num_in_stock__gt=Coalesce(F("num_allocated"), Value(0))
    )
    return queryset.filter(stocked if "true" in values else ~stocked)


def _attribute_db(code):
    def apply(queryset, values):
        AttributeValue = _product_models()[1]
        matching = AttributeValue.objects.filter(attribute__code=code).filter(
            Q(value_option__option__in=values)
            | Q(value_multi_option__option__in=values)
            | Q(value_text__in=values)
        )
        own = matching.filter(product=OuterRef("pk"))
        variants = matching.filter(product__parent=OuterRef("pk"))
        return queryset.filter(Exists(own) | Exists(variants))

    return apply


PRICE_BOUNDS = (20, 50, 100, 200)

_product_price = RangeFacet("price", _("Price"), "price", PRICE_BOUNDS, db=_price_db, labels=price_labels)

PRODUCT_FACETS = (
    TermsFacet("category", _("Category"), "category_ids", db=_category_db, labels=_category_labels),
    _product_price,
    TermsFacet(
        "seller",
        _("Seller"),
        "seller_codes",
        db=lambda qs, values: qs.filter(_any_record(partner__code__in=values)),
        labels=_seller_labels,
    ),
    TermsFacet(
        "product_type",
        _("Product type"),
        "product_class",
        db=lambda qs, values: qs.filter(product_class__slug__in=values),
        labels=_type_labels,
    ),
    MinimumFacet(
        "rating",
        _("Rating"),
        "rating",
        db=lambda qs, values: qs.filter(rating__gte=int(values[0])),
        labels=rating_labels,
    ),
    TermsFacet(
        "in_stock",
        _("In stock"),
        "in_stock",
        db=_in_stock_db,
        labels=yes_no_labels,
        choices=("true", "false"),
    ),
)


def attribute_facet(code, label):
    """The facet of one filterable attribute (size, colour…): values ``code:value`` in ``attributes``."""
    return TermsFacet(f"attr_{code}", label, "attributes", db=_attribute_db(code), prefix=f"{code}:")


def product_facets():
    """The fixed facets and one per filterable (option or text) attribute code of the catalogue;
    category, seller and type names come from the vocabulary read here, so labelling an answer's
    facets costs no other cache round trip."""
    vocabulary = product_vocabulary()
    fixed = tuple(
        replace(facet, labels=partial(facet.labels, names=vocabulary[facet.labels.vocabulary]))
        if hasattr(facet.labels, "vocabulary")
        else facet
        for facet in PRODUCT_FACETS
    )
    return (*fixed, *(attribute_facet(code, name) for code, name in vocabulary["attributes"].items()))


#: Attribute types whose values are few and shared between products (a facet makes sense).
FILTERABLE_ATTRIBUTE_TYPES = ("option", "multi_option", "text")


# --- Experts -----------------------------------------------------------------------------------


def _domain_labels(values):
    """Names of the domains in the active language, remembered until a domain changes (the
    ``experts`` tag): a directory page or an API answer costs no query for them."""
    from commerce.core import pagecache
    from commerce.experts.models import Domain

    names = pagecache.remember(
        f"search:domains:{get_language()}",
        [pagecache.EXPERTS_TAG],
        lambda: dict(Domain.objects.values_list("slug", "name")),
        VOCABULARY_SECONDS,
    )
    return {value: names.get(value, value) for value in values}


@remembered_labels
def _language_labels(values):
    from commerce.experts.models import SPOKEN_LANGUAGES

    return {code: str(name) for code, name in SPOKEN_LANGUAGES if code in values}


@remembered_labels
def _service_labels(values):
    names = {"text": _("Text answer"), "video": _("Video answer"), "call": _("Video call")}
    return {value: names.get(value, value) for value in values}


def _services_db(queryset, values):
    from commerce.experts.models import SERVICES

    fields = dict(SERVICES)
    where = Q()
    for value in values:
        if value in fields:
            where |= Q(**{f"{fields[value]}__isnull": False})
    return queryset.filter(where)


def _expert_price(name, label, column, bounds):
    facet = RangeFacet(name, label, column, bounds, labels=price_labels)
    object.__setattr__(facet, "db", lambda qs, values: qs.filter(facet.db_q(column, values)))
    return facet


EXPERT_PRICE_BOUNDS = (10, 25, 50, 100)


def _available_db(queryset, values):
    from datetime import UTC, datetime

    end = datetime.fromtimestamp(WithinFacet.end(values[0]) / 1000, tz=UTC)
    return queryset.filter(search_availability__next_free_at__lt=end)


EXPERT_FACETS = (
    TermsFacet(
        "domain",
        _("Domain"),
        "domains",
        db=lambda qs, values: qs.filter(domains__slug__in=values),
        labels=_domain_labels,
    ),
    TermsFacet(
        "language",
        _("Language"),
        "languages",
        db=lambda qs, values: qs.filter(languages__overlap=values),
        labels=_language_labels,
    ),
    TermsFacet("service", _("Service"), "services", db=_services_db, labels=_service_labels),
    _expert_price("text_price", _("Text answer price (coins)"), "text_price", EXPERT_PRICE_BOUNDS),
    _expert_price("video_price", _("Video answer price (coins)"), "video_price", EXPERT_PRICE_BOUNDS),
    _expert_price("call_price", _("Call price per minute (coins)"), "call_price_per_minute", (2, 5, 10, 20)),
    MinimumFacet(
        "rating",
        _("Rating"),
        "rating",
        db=lambda qs, values: qs.filter(
            rating_summary__count__gt=0, rating_summary__average__gte=int(values[0])
        ),
        labels=rating_labels,
    ),
    TermsFacet(
        "verified",
        _("Verified"),
        "verified",
        # Listed experts all had their identity card checked by an admin (approval needs it).
        db=lambda qs, values: qs if "true" in values else qs.none(),
        labels=yes_no_labels,
        choices=("true", "false"),
    ),
    #: From the next free call slot indexed with each expert (``search.availability``).
    WithinFacet(
        "available", _("Available"), "next_available_at", db=_available_db, labels=availability_labels
    ),
)
