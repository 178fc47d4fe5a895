"""Reads for the checkout pages: the order's totals, and what to suggest next to them."""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from oscar.core.loading import get_class, get_model

OrderLine = get_model("order", "Line")
Product = get_model("catalogue", "Product")
Repository = get_class("shipping.repository", "Repository")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")

#: How far back co-purchases count for "often bought together".
UPSELL_WINDOW = datetime.timedelta(days=30)


def _suggested_ids(product_ids, limit):
    since = timezone.now() - UPSELL_WINDOW
    ranked = (
        OrderLine.objects.filter(order__date_placed__gte=since, order__lines__product_id__in=product_ids)
        .exclude(product_id__in=product_ids)
        .exclude(product_id=None)
        .values("product_id")
        .annotate(orders=Count("order", distinct=True))
        .order_by("-orders", "product_id")[: limit * 3]
    )
    wanted = [row["product_id"] for row in ranked]
    browsable = Product.objects.browsable()
    public = set(browsable.filter(pk__in=wanted).values_list("pk", flat=True)) if wanted else set()
    picks = [pk for pk in wanted if pk in public][:limit]
    if len(picks) < limit:
        same_category = (
            browsable.filter(categories__product__in=product_ids)
            .exclude(pk__in=set(product_ids) | set(picks))
            .distinct()
            .order_by("-date_created")
            .values_list("pk", flat=True)[: limit - len(picks)]
        )
        picks.extend(same_category)
    return picks


def often_bought_with(product_ids, *, limit=4):
    """Products most often ordered together with these in the last 30 days, then same-category ones.

    The ranking is cached a few minutes per basket content (it moves slowly). The checkout page
    shows each suggestion's title and link only, so they are read in one query, without what a
    product card needs.
    """
    product_ids = sorted(set(product_ids))
    if not product_ids:
        return []
    digest = hashlib.blake2b(",".join(map(str, product_ids)).encode(), digest_size=12).hexdigest()
    key = f"checkout:upsell:{limit}:{digest}"
    ids = cache.get(key)
    if ids is None:
        ids = _suggested_ids(product_ids, limit)
        cache.set(key, ids, settings.CMS_PRODUCT_LIST_CACHE_SECONDS)
    products = Product.objects.browsable().in_bulk(ids)
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
