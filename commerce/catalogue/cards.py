"""Product cards ("Russian doll" fragments): what a card loads, and each card's HTML kept in the cache.

Every product grid (catalogue and category lists, search results, shop pages, CMS product blocks,
recommendations, recently viewed) renders ``catalogue/partials/product_card.html`` per product: a
price and stock lookup through the pricing strategy, a thumbnail lookup (one cache round trip) and
several includes. The HTML of a card is kept per product, language and image loading (the first
``EAGER_CARDS`` cards of a grid load their image at once, the others lazily), under the page
cache's tags (``commerce.core.pagecache``): ``product:<id>``, bumped after commit when the product,
one of its variants, stock records or images changes, and ``catalogue``, bumped when product classes
(the card shows the class name), options or attributes change. The card names the shop selling the
product (its stock record's partner, loaded with it); a shop's change bumps its products' tags.
A grid reads all its cards and their tags in one ``get_many``, renders only the missing or stale
cards and stores them in one ``set_many``.
Given a QuerySet (a list page), it first reads only the ids, so a grid whose cards are all cached
loads no product at all.

Cards are stored without the CSRF token of their add-to-basket form (a placeholder instead), and
the visitor's token is put back in on every render.

Cards are the same for every visitor, signed in or not: the price and availability come from
``request.strategy``, which ``commerce.partner.strategy.Selector`` builds for every request, whoever
the visitor, from the seller's stock record and the VAT settings only (no user, group, session or
basket). The strategy's class name is part of the key all the same, so a selector that one day
gives some visitors another strategy (trade prices, say) gets cards of its own; a strategy that
would price per visitor within one class must not be used with this cache
(``CATALOGUE_CARD_CACHE_SECONDS = 0``). The card template's own text is part of the key too, so
after a deploy that changes the card no older card is served.
"""

import zlib

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from oscar.core.loading import get_model

from commerce.core import pagecache

Product = get_model("catalogue", "Product")
Option = get_model("catalogue", "Option")
StockRecord = get_model("partner", "StockRecord")

TEMPLATE = "catalogue/partials/product_card.html"
#: Cards at these first positions of a grid are above the fold: their image is not lazy-loaded.
EAGER_CARDS = 4


def with_options(queryset):
    """Products with their class and the "has options" flags Oscar's templates and the pop-up
    checkout read (``has_product_class_options``, ``has_product_options``), in the products' own query."""
    return queryset.select_related("product_class").annotate(
        has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
        has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
    )


def offers():
    """Stock records with their shop (the card names it, the strategy prices from them)."""
    return Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner"))


def with_card_data(queryset):
    """Products with what a card shows, in four queries whatever their number (five with variants).

    The class and "has options" flags come with the products; images and stock records are
    prefetched, and a parent's public variants with theirs go where Oscar's strategy looks for them
    (``_prefetched_public_children``), so a parent's "from" price costs no query of its own.
    """
    variants = Product.objects.public().prefetch_related(offers())
    return with_options(queryset).prefetch_related(
        "images",
        offers(),
        Prefetch("children", queryset=variants, to_attr="_prefetched_public_children"),
    )


def cards_in_bulk(ids):
    """{id: product} for the public parent or standalone products among ``ids``, ready for a card.

    Three queries whatever the number of products (one fewer than ``with_card_data``, for pages
    that know their ids, such as CMS product blocks): the products with their public variants in
    one query, their stock records with shops, and the images. Variants are attached where Oscar's
    strategy looks for them (``_prefetched_public_children``), so pricing a parent costs nothing more.
    """
    if not ids:
        return {}
    wanted = Product.objects.filter(Q(pk__in=ids, parent=None) | Q(parent_id__in=ids), is_public=True)
    rows = list(with_options(wanted).order_by("pk"))
    top = {row.pk: row for row in rows if row.parent_id is None}
    for parent in top.values():
        parent._prefetched_public_children = []
    for row in rows:
        if row.parent_id is not None and row.parent_id in top:
            row.parent = top[row.parent_id]
            top[row.parent_id]._prefetched_public_children.append(row)
    prefetch_related_objects(rows, offers())
    prefetch_related_objects(list(top.values()), "images")
    return top


def render_cards(context, products):
    """The cards of ``products`` (products, or a QuerySet of them), in order, as HTML strings."""
    template = context.template.engine.get_template(TEMPLATE)
    request = context.get("request")
    strategy = getattr(request, "strategy", None)
    if settings.CATALOGUE_CARD_CACHE_SECONDS <= 0 or strategy is None:
        return [_render(template, context, product, position) for position, product in enumerate(products, 1)]
    if isinstance(products, QuerySet) and products._result_cache is None:  # not loaded by the caller yet
        loaded, ids = None, list(products.values_list("pk", flat=True))
    else:
        products = list(products)
        loaded, ids = {product.pk: product for product in products}, [product.pk for product in products]
    prefix = f"card:{zlib.crc32(template.source.encode()):x}:{type(strategy).__name__}:{get_language()}"
    keys = [_key(prefix, pk, position) for position, pk in enumerate(ids, 1)]
    slots = {}  # key: (product id, first position it is shown at)
    for position, (key, pk) in enumerate(zip(keys, ids, strict=True), 1):
        slots.setdefault(key, (pk, position))

    def render_stale(stale):
        wanted = [slots[key][0] for key in stale]
        found = loaded if loaded is not None else with_card_data(Product.objects.all()).in_bulk(wanted)
        rendered = {}
        for key in stale:
            pk, position = slots[key]
            if pk in found:
                rendered[key] = pagecache.without_csrf_token(_render(template, context, found[pk], position))
        return rendered

    cards = pagecache.remember_many(
        {key: [pagecache.CATALOGUE_TAG, *pagecache.product_tags([pk])] for key, (pk, _) in slots.items()},
        render_stale,
        settings.CATALOGUE_CARD_CACHE_SECONDS,
    )
    shown = [cards[key] for key in keys if key in cards]
    if any(pagecache.CSRF_PLACEHOLDER in html for html in shown):
        token = get_token(request)
        shown = [html.replace(pagecache.CSRF_PLACEHOLDER, token) for html in shown]
    return [mark_safe(html) for html in shown]  # noqa: S308 - rendered by our own template


def _eager(position):
    return position <= EAGER_CARDS


def _key(prefix, pk, position):
    return f"{prefix}:{'eager' if _eager(position) else 'lazy'}:{pk}"


def _render(template, context, product, position):
    with context.push(product=product, eager=_eager(position)):
        return template.render(context)
