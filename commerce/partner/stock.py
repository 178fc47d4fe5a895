"""Every change of stock levels goes through here: row-locked, checked, and written to the history.

Oscar's own ``allocate`` does not check availability (the basket does, earlier, without a lock), so
two checkouts could both take the last unit. Here the stock records are locked in primary-key order
(no deadlocks between checkouts touching the same records), availability is checked under the lock,
and the database constraints on StockRecord refuse anything that slipped through.

What follows a change is called here, not from signal receivers (``_followed_up``): the seller's
low-stock alert is opened or closed, and shoppers waiting for the product are alerted; both send
their messages after commit. ``post_save`` is still sent, for the page cache and the search index.
"""

from django.db import transaction
from oscar.core.loading import get_model

from . import alerts, availability, back_in_stock
from .exceptions import InsufficientStock, StockBelowAllocation

StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")


def _tracked(stockrecord):
    return stockrecord.can_track_allocations


def _record(stockrecord, reason, *, in_stock=0, allocated=0, line=None, by=None, note=""):
    """History row with the levels after the change: the record is locked and its levels were
    brought up to date by the change itself (``_hold``, Oscar's allocation methods, ``_saved``)."""
    return StockMovement.objects.create(
        stockrecord=stockrecord,
        reason=reason,
        in_stock_change=in_stock,
        allocated_change=allocated,
        num_in_stock_after=stockrecord.num_in_stock,
        num_allocated_after=stockrecord.num_allocated,
        order_line=line,
        changed_by=by,
        note=note,
    )


def _saved(stockrecord):
    """Refresh, tell listeners (page cache, search index) the record changed, then follow it up."""
    stockrecord.refresh_from_db(fields=["num_in_stock", "num_allocated"])
    stockrecord.post_save_signal()
    _followed_up(stockrecord)


def _followed_up(stockrecord, *, fell=False):
    """What a change of levels causes: the seller's low-stock alert kept in step, and shoppers told
    the product is back. A sale (``fell``: available stock only went down) never brings a product
    back, and leaves a record that stays above its threshold without an alert to look up."""
    alerts.sync_low_stock_alert(stockrecord, fell=fell)
    if not fell:
        back_in_stock.queue_alerts(stockrecord)


def lock(stockrecord_ids):
    """The stock records, locked for the rest of the transaction, by primary key."""
    records = StockRecord.objects.select_for_update(of=("self",)).filter(pk__in=set(stockrecord_ids))
    return {
        record.pk: record for record in records.select_related("product__product_class", "product__parent")
    }


@transaction.atomic
def allocate(requests, *, by=None):
    """Hold stock for an order: ``requests`` is ``[(stockrecord_id, quantity, order_line_or_None)]``.

    All or nothing: raises ``InsufficientStock`` for the first record that cannot serve its quantity.
    """
    totals = {}
    for stockrecord_id, quantity, _line in requests:
        totals[stockrecord_id] = totals.get(stockrecord_id, 0) + quantity
    records = lock(totals)
    for pk in sorted(totals):
        record = records[pk]
        if _tracked(record) and record.net_stock_level < totals[pk]:
            raise InsufficientStock(record, totals[pk])
    for stockrecord_id, quantity, line in requests:
        record = records[stockrecord_id]
        if _tracked(record):
            _hold(record, quantity)
            _record(record, StockMovement.SALE, allocated=quantity, line=line, by=by)


def _hold(record, quantity):
    """Oscar's ``allocate`` without reading the row back (the record is locked, so its new level is
    known); available stock only went down, so alerts about stock coming back need not look. When
    shoppers are told the same after the sale ("In stock"), the record says so to the page cache
    (``availability_unchanged``): the product's cached pages stay."""
    before = availability.shown(record.net_stock_level)
    record.pre_save_signal()
    record.num_allocated = (record.num_allocated or 0) + quantity
    record.availability_unchanged = availability.shown(record.net_stock_level) == before
    StockRecord.objects.filter(pk=record.pk).update(num_allocated=record.num_allocated)
    record.post_save_signal()
    del record.availability_unchanged  # said of this change only
    _followed_up(record, fell=True)


@transaction.atomic
def release(stockrecord_id, quantity, *, line=None, by=None, note=""):
    """Give back an allocation that will not ship (order cancelled or payment failed)."""
    record = lock([stockrecord_id])[stockrecord_id]
    if _tracked(record):
        quantity = min(quantity, record.num_allocated or 0)
        if quantity:
            record.cancel_allocation(quantity)
            _followed_up(record)
            _record(record, StockMovement.CANCELLATION, allocated=-quantity, line=line, by=by, note=note)


@transaction.atomic
def consume(stockrecord_id, quantity, *, line=None, by=None):
    """The goods left the warehouse: the allocation becomes a real decrease of stock."""
    record = lock([stockrecord_id])[stockrecord_id]
    if _tracked(record):
        record.consume_allocation(quantity)
        _followed_up(record)
        _record(record, StockMovement.SHIPMENT, in_stock=-quantity, allocated=-quantity, line=line, by=by)


@transaction.atomic
def restock(stockrecord_id, quantity, *, line=None, by=None, note=""):
    """Returned or refunded goods go back on the shelf."""
    record = lock([stockrecord_id])[stockrecord_id]
    if _tracked(record):
        StockRecord.objects.filter(pk=record.pk).update(num_in_stock=(record.num_in_stock or 0) + quantity)
        _saved(record)
        _record(record, StockMovement.REFUND, in_stock=quantity, line=line, by=by, note=note)


@transaction.atomic
def set_level(stockrecord_id, num_in_stock, *, reason=StockMovement.MANUAL, by=None, note=""):
    """A seller sets the number in stock (dashboard edit or CSV import); never below what is held."""
    record = lock([stockrecord_id])[stockrecord_id]
    held = record.num_allocated or 0
    if num_in_stock < held:
        raise StockBelowAllocation(record, held)
    change = num_in_stock - (record.num_in_stock or 0)
    if change:
        StockRecord.objects.filter(pk=record.pk).update(num_in_stock=num_in_stock)
        _saved(record)
        _record(record, reason, in_stock=change, by=by, note=note)
    return change


def record_initial_level(stockrecord, *, by=None, note=""):
    """A stock record was created (dashboard form): history row for the units it starts with, and
    shoppers waiting for its product told it can be bought."""
    back_in_stock.queue_alerts(stockrecord)
    if stockrecord.num_in_stock:
        return _record(stockrecord, StockMovement.MANUAL, in_stock=stockrecord.num_in_stock, by=by, note=note)
    return None


def threshold_changed(stockrecord):
    """A seller changed the record's own low-stock threshold: open or close its alert to match."""
    alerts.sync_low_stock_alert(stockrecord)
