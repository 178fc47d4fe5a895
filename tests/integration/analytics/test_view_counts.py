"""Product views are added up in Redis and reach the database once, whatever happens meanwhile."""

import pytest
from django.core.cache import cache
from oscar.core.loading import get_model

from commerce.analytics import counters
from tests.factories.catalogue import product_for_sale

ProductRecord = get_model("analytics", "ProductRecord")


@pytest.fixture(autouse=True)
def empty_buffer():
    cache.delete_many([counters.VIEWS_KEY, f"{counters.VIEWS_KEY}:flushing", counters.FLUSH_LOCK])


def views_of(product):
    record = ProductRecord.objects.filter(product=product).first()
    return record.num_views if record else 0


@pytest.mark.django_db
def test_views_reach_the_database_on_flush_only():
    product, _ = product_for_sale("Tajine", "45.000")
    for _ in range(3):
        counters.count_view(product.pk)
    assert views_of(product) == 0
    assert counters.flush_views() == 1
    assert views_of(product) == 3
    assert counters.flush_views() == 0  # nothing counted twice
    assert views_of(product) == 3


@pytest.mark.django_db
def test_views_counted_during_a_failed_flush_are_neither_lost_nor_doubled(monkeypatch):
    product, _ = product_for_sale("Tajine", "45.000")
    counters.count_view(product.pk)
    counters.count_view(product.pk)

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    # when: a flush fails half-way, and views keep coming
    monkeypatch.setattr(counters, "increment", broken)
    with pytest.raises(RuntimeError):
        counters.flush_views()
    monkeypatch.undo()
    counters.count_view(product.pk)
    # then: the next flush finishes the failed one, the one after takes the new view
    counters.flush_views()
    assert views_of(product) == 2
    counters.flush_views()
    assert views_of(product) == 3


@pytest.mark.django_db
def test_views_of_a_deleted_product_are_dropped():
    product, _ = product_for_sale("Tajine", "45.000")
    kept, _ = product_for_sale("Bol", "9.900")
    counters.count_view(product.pk)
    counters.count_view(kept.pk)
    product.delete()
    assert counters.flush_views() == 1
    assert views_of(kept) == 1
