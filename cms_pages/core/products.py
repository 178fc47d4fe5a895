"""Which products a CMS page's commerce blocks show, loaded together for the whole page.

``CommerceLoader`` is the reason a page with five product blocks and 60 products costs the same
three product queries as a page with one: it reads every commerce block's raw value first, works out
which product ids each block shows (lists of ids are kept through the page cache's tags until
products, categories or rankings change; prices and stock never are), then loads all the products
for their cards in one batch (``commerce.catalogue.cards.cards_in_bulk``).
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from oscar.core.loading import get_model

from commerce.analytics.models import ProductRanking
from commerce.catalogue import cards
from commerce.core import pagecache

from . import caching

ID_LIST_CACHE_PREFIX = "cms:product-ids:"


def block_key(value):
    """What a product block asks for, as a hashable key (same for raw JSON and block values)."""
    source = value.get("source") or "hand_picked"
    count = int(value.get("count") or 8)
    if source == "hand_picked":
        return ("hand_picked", tuple(_ids(value.get("products"))))
    if source == "category":
        return ("category", _id(value.get("category")), count)
    if source == "bought_together":
        return ("bought_together", _id(value.get("anchor")) or 0, count)
    if source in ("best_sellers", "newest"):
        return (source, count)
    return ("none",)


def _id(value):
    if isinstance(value, dict):  # a raw ListBlock item
        value = value.get("value")
    if value in (None, ""):
        return None
    return int(getattr(value, "pk", value))


def _ids(values):
    return [pk for pk in (_id(value) for value in (values or [])) if pk is not None]


@dataclass
class CommerceLoader:
    """Products for every commerce block of one page, loaded together."""

    lists: dict = field(default_factory=dict)
    products: dict = field(default_factory=dict)

    @classmethod
    def for_stream(cls, stream_value):
        """From a StreamField value, reading raw JSON so no block is converted twice."""
        raw = getattr(stream_value, "raw_data", None)
        keys, highlights = [], []
        for item in raw or []:
            kind, value = item.get("type"), item.get("value") or {}
            if kind == "product_grid":
                keys.append(block_key(value))
            elif kind == "product_highlight" and _id(value.get("product")):
                highlights.append(_id(value.get("product")))
        return cls.load(keys, highlights)

    @classmethod
    def for_block_values(cls, values):
        keys = [block_key(value) for value in values if "source" in value]
        highlights = [_id(value.get("product")) for value in values if "source" not in value]
        return cls.load(keys, [pk for pk in highlights if pk])

    @classmethod
    def load(cls, keys, extra_ids=()):
        lists = resolve_id_lists(keys)
        wanted = list(OrderedDict.fromkeys([*extra_ids, *(pk for ids in lists.values() for pk in ids)]))
        return cls(lists=lists, products=cards.cards_in_bulk(wanted))

    def products_for(self, value):
        key = block_key(value)
        ids = self.lists.get(key)
        if ids is None:  # a block added after loading (e.g. a preview): load it on its own
            other = CommerceLoader.load([key])
            self.lists.update(other.lists)
            self.products.update(other.products)
            ids = self.lists[key]
        return [self.products[pk] for pk in ids if pk in self.products]

    def product(self, pk):
        pk = _id(pk)
        if pk is not None and pk not in self.products:
            self.products.update(cards.cards_in_bulk([pk]))
        return self.products.get(pk)

    @property
    def product_ids(self):
        return set(self.products)


def resolve_id_lists(keys):
    """{key: [product ids]} for each block key; computed lists are kept through the page cache's tags.

    A list changes when products are listed or unlisted (``listing``: a product saved or deleted, put
    in or out of a category), the category tree moves (``catalogue``) or rankings are recomputed
    (``rankings``); ``CMS_PRODUCT_LIST_CACHE_SECONDS`` only bounds how long an unused list is kept.
    """
    lists, missing = {}, {}
    for key in OrderedDict.fromkeys(keys):
        if key[0] == "hand_picked":
            lists[key] = list(key[1])
        elif key[0] == "none":
            lists[key] = []
        else:
            missing[ID_LIST_CACHE_PREFIX + ":".join(str(part) for part in key)] = key
    if not missing:
        return lists
    tags = [pagecache.LISTING_TAG, pagecache.CATALOGUE_TAG, caching.RANKINGS_TAG]

    def compute(stale):
        computed = _compute_id_lists([missing[cache_key] for cache_key in stale])
        return {cache_key: computed.get(missing[cache_key], []) for cache_key in stale}

    found = pagecache.remember_many(
        dict.fromkeys(missing, tags), compute, settings.CMS_PRODUCT_LIST_CACHE_SECONDS
    )
    lists.update({key: found[cache_key] for cache_key, key in missing.items()})
    return lists


def _compute_id_lists(keys):
    Product = get_model("catalogue", "Product")
    Category = get_model("catalogue", "Category")
    result = {}
    ranking_keys = [key for key in keys if key[0] in ("best_sellers", "bought_together")]
    if ranking_keys:
        wanted = Q()
        for key in ranking_keys:
            kind = (
                ProductRanking.Kind.BEST_SELLERS
                if key[0] == "best_sellers"
                else ProductRanking.Kind.BOUGHT_TOGETHER
            )
            anchor = 0 if key[0] == "best_sellers" else key[1]
            wanted |= Q(kind=kind, anchor_id=anchor)
        rows = {(row.kind, row.anchor_id): row.product_ids for row in ProductRanking.objects.filter(wanted)}
        for key in ranking_keys:
            if key[0] == "best_sellers":
                result[key] = rows.get((ProductRanking.Kind.BEST_SELLERS, 0), [])[: key[1]]
            else:
                result[key] = rows.get((ProductRanking.Kind.BOUGHT_TOGETHER, key[1]), [])[: key[2]]
    newest = [key for key in keys if key[0] == "newest"]
    if newest:
        most = max(key[1] for key in newest)
        ids = list(
            Product.objects.browsable().order_by("-date_created", "-pk").values_list("pk", flat=True)[:most]
        )
        for key in newest:
            result[key] = ids[: key[1]]
    by_category = [key for key in keys if key[0] == "category"]
    if by_category:
        paths = dict(
            Category.objects.filter(pk__in=[key[1] for key in by_category]).values_list("pk", "path")
        )
        for key in by_category:
            path = paths.get(key[1])
            result[key] = (
                list(
                    Product.objects.browsable()
                    .filter(categories__path__startswith=path)
                    .order_by("-date_created", "-pk")
                    .values_list("pk", flat=True)
                    .distinct()[: key[2]]
                )
                if path
                else []
            )
    return result
