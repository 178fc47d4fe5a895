"""Reads for the checkout page: what to suggest next to the basket."""

import datetime

from django.db.models import Count
from django.utils import timezone
from oscar.core.loading import get_model

from search.selectors import browsable_products

OrderLine = get_model("order", "Line")

#: How far back co-purchases count for "often bought together".
UPSELL_WINDOW = datetime.timedelta(days=30)


def often_bought_with(product_ids, *, limit=4):
    """Products most often ordered together with these in the last 30 days, then same-category ones."""
    product_ids = set(product_ids)
    if not product_ids:
        return []
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
    products = browsable_products().filter(pk__in=wanted).in_bulk() if wanted else {}
    picks = [products[pk] for pk in wanted if pk in products][:limit]
    if len(picks) < limit:
        taken = product_ids | {product.pk for product in picks}
        same_category = (
            browsable_products()
            .filter(categories__product__in=product_ids)
            .exclude(pk__in=taken)
            .distinct()[: limit - len(picks)]
        )
        picks.extend(same_category)
    return picks
