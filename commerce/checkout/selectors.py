"""Reads for the checkout pages: the order's totals, and what to suggest next to them."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from oscar.core.loading import get_class, get_model

from commerce.analytics.models import ProductRanking

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
Order = get_model("order", "Order")
Repository = get_class("shipping.repository", "Repository")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")


def _bought_together(anchor_ids):
    """Products ordered together with the anchors, best first, from the "bought together" rankings
    that a scheduled task recomputes every hour from the last 30 days of orders
    (``cms_pages.core.services.compute_product_rankings``, which also feeds the CMS product
    blocks): one indexed read instead of an aggregate over every recent order line. A product
    ranked with several anchors takes its best position."""
    rows = ProductRanking.objects.filter(
        kind=ProductRanking.Kind.BOUGHT_TOGETHER, anchor_id__in=anchor_ids
    ).values_list("product_ids", flat=True)
    best = {}
    for ranked in rows:
        for position, pk in enumerate(ranked):
            if pk not in anchor_ids and position < best.get(pk, len(ranked)):
                best[pk] = position
    return sorted(best, key=lambda pk: (best[pk], pk))


def _suggestions(product_ids, limit):
    """The suggested ids, best first, and the products among them already read: the same-category
    ones that fill the list after the rankings' picks come in the query that finds them."""
    picks = _bought_together(set(product_ids))[:limit]
    read = {}
    if len(picks) < limit:
        categories = ProductCategory.objects.filter(product__in=product_ids).values("category")
        same_category = (
            Product.objects.browsable()
            .filter(pk__in=ProductCategory.objects.filter(category__in=categories).values("product"))
            .exclude(pk__in=set(product_ids) | set(picks))
            .order_by("-date_created")[: limit - len(picks)]
        )
        read = {product.pk: product for product in same_category}
        picks.extend(read)
    return picks, read


def often_bought_with(product_ids, *, limit=4):
    """Products most often ordered together with these (shop products: a variant's parent) in the
    last 30 days, then same-category ones; products no longer for sale are left out.

    The suggestions are cached a few minutes per basket content (the rankings move hourly). The
    checkouts show each suggestion's title and link only, so they are read in one query, without
    what a product card needs (the same-category ones by the query that finds them).
    """
    product_ids = sorted(set(product_ids))
    if not product_ids:
        return []
    digest = hashlib.blake2b(",".join(map(str, product_ids)).encode(), digest_size=12).hexdigest()
    key = f"checkout:upsell:{limit}:{digest}"
    ids, products = cache.get(key), {}
    if ids is None:
        ids, products = _suggestions(product_ids, limit)
        cache.set(key, ids, settings.CMS_PRODUCT_LIST_CACHE_SECONDS)
    if unread := [pk for pk in ids if pk not in products]:
        products.update(Product.objects.browsable().in_bulk(unread))
    return [products[pk] for pk in ids if pk in products]


def order_summary(basket, request):
    """The delivery method, its charge and the order total of ``basket``: what a checkout shows,
    computed as ``services.place_order`` computes the order's."""
    method = Repository().get_default_shipping_method(basket=basket)
    charge = method.calculate(basket)
    return {
        "basket": basket,
        "shipping_method": method,
        "shipping_charge": charge,
        "order_total": OrderTotalCalculator(request).calculate(basket, charge),
    }


def saved_addresses(user):
    """The signed-in shopper's address book, the default delivery address first, then the most used."""
    if not (user and user.is_authenticated):
        return []
    return list(
        user.addresses.select_related("country").order_by(
            "-is_default_for_shipping", "-num_orders_as_shipping_address", "-date_created"
        )
    )


def last_phone(user):
    """The phone number the signed-in shopper gave on their latest order ("" if none)."""
    if not (user and user.is_authenticated):
        return ""
    return (
        Order.objects.filter(user=user)
        .exclude(phone="")
        .order_by("-date_placed")
        .values_list("phone", flat=True)
        .first()
        or ""
    )
