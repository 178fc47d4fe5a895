"""The "Recently viewed" block of the product page, rendered on its own.

It is the one part of a product page that differs between anonymous visitors (it comes from
Oscar's history cookie), so the page cache stores the page without it and this module renders it
for each visitor. Oscar's own tag loads the products without what a card shows (one query per card
for images and stock); here they come with the card's prefetches, in a constant number of queries.
"""

from django.template.loader import render_to_string
from oscar.core.loading import get_class

from .selectors import browsable_products

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")

TEMPLATE = "oscar/customer/history/recently_viewed_products.html"
#: How many products the block shows.
SHOWN = 4


def viewed_ids(request):
    """Product ids of the history cookie, most recent first (garbage in the cookie ignored)."""
    ids = CustomerHistoryManager.extract(request)
    return [pk for pk in reversed(ids) if isinstance(pk, int) and not isinstance(pk, bool)]


def products(request, current_product_id=None):
    ids = [pk for pk in viewed_ids(request) if pk != current_product_id]
    if not ids:
        return []
    by_id = browsable_products().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id][:SHOWN]


def render(request, current_product_id=None):
    shown = products(request, current_product_id)
    if not shown:
        return ""
    return render_to_string(TEMPLATE, {"products": shown}, request=request)
