"""Race-safe counter rows, and product page views added up in Redis before they reach the database.

A product page served from the page cache needs no database except to count the view: one UPDATE
per view, and under ASGI a new database connection for it. So views go to a Redis hash (one
HINCRBY) and ``flush_views`` (a Celery beat task, every minute) moves them into
``ProductRecord.num_views``. The hash is first renamed (RENAMENX): views counted meanwhile go to a
new hash for the next flush, and a flush that failed half-way is finished by the next one before it
takes new views, so no view is lost or counted twice. Without Redis (``make run``), a view is
written at once.
"""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from oscar.core.loading import get_model

ProductRecord = get_model("analytics", "ProductRecord")
Product = get_model("catalogue", "Product")

VIEWS_KEY = "analytics:product-views"
#: Held while a flush runs, so two workers never write the same views.
FLUSH_LOCK = "analytics:product-views:lock"


def increment(model, lookup, amounts, **values):
    """Add ``amounts`` ({field: n}) to the row matching ``lookup`` and set ``values``; create it if
    missing (race-safe: a concurrent create falls back to the update)."""
    updates = {field: F(field) + amount for field, amount in amounts.items()} | values
    if model.objects.filter(**lookup).update(**updates):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **amounts, **values)
    except IntegrityError:
        model.objects.filter(**lookup).update(**updates)


def _redis():
    redis_client = getattr(cache, "redis_client", None)
    return redis_client() if redis_client else None


def count_view(product_id):
    client = _redis()
    if client is None:
        increment(ProductRecord, {"product_id": product_id}, {"num_views": 1})
    else:
        client.hincrby(cache.make_key(VIEWS_KEY), product_id, 1)


def flush_views():
    """Write the views counted in Redis to ``ProductRecord``; returns how many products got some."""
    client = _redis()
    if client is None or not cache.add(FLUSH_LOCK, 1, 300):
        return 0
    try:
        counting, flushing = cache.make_key(VIEWS_KEY), cache.make_key(f"{VIEWS_KEY}:flushing")
        if not client.exists(flushing) and client.exists(counting):
            client.renamenx(counting, flushing)
        counts = {int(pk): int(views) for pk, views in client.hgetall(flushing).items()}
        existing = set(Product.objects.filter(pk__in=counts).values_list("pk", flat=True))
        with transaction.atomic():
            for pk in sorted(existing):
                increment(ProductRecord, {"product_id": pk}, {"num_views": counts[pk]})
        client.delete(flushing)
        return len(existing)
    finally:
        cache.delete(FLUSH_LOCK)
