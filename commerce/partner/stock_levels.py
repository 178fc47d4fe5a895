"""Set many stock levels at once (bulk edit, CSV import): all of them, or none.

Every record is locked first (primary-key order, like checkout), then every change is checked
against what is in the database *now*: a level below the units held for orders, or a record that
changed since the seller loaded the page, refuses the whole batch. Each accepted change goes through
``stock.set_level`` so it lands in the stock history with who and why.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from . import stock


@dataclass(frozen=True)
class LevelChange:
    stockrecord_id: int
    num_in_stock: int
    #: The level the seller saw when deciding (bulk edit); ``None`` skips the stale-page check.
    seen: int | None = None


class StockLevelErrors(Exception):
    """Nothing was changed; ``errors`` maps a stock record id to what is wrong with its change."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("; ".join(f"{pk}: {message}" for pk, message in errors.items()))


@transaction.atomic
def set_levels(changes, *, reason, by=None, partner_ids=None, note=""):
    """Apply ``changes`` (``LevelChange``s) in one transaction; returns how many levels changed.

    ``partner_ids`` limits which shops' records may be touched (``None``: any, for staff).
    Raises ``StockLevelErrors`` and changes nothing if any change is refused.
    """
    changes = list(changes)
    records = stock.lock(change.stockrecord_id for change in changes)
    errors = {}
    for change in changes:
        record = records.get(change.stockrecord_id)
        if record is None or (partner_ids is not None and record.partner_id not in partner_ids):
            errors[change.stockrecord_id] = _("Unknown stock record.")
        elif record.num_in_stock is None:
            errors[change.stockrecord_id] = _("Stock is not counted for this product.")
        elif change.num_in_stock < 0:
            errors[change.stockrecord_id] = _("Stock cannot be negative.")
        elif change.seen is not None and record.num_in_stock != change.seen:
            errors[change.stockrecord_id] = _(
                "Changed since you opened the page (now %(level)d): check it and save again."
            ) % {"level": record.num_in_stock}
        elif change.num_in_stock < (record.num_allocated or 0):
            errors[change.stockrecord_id] = _(
                "%(held)d units are held for orders; stock cannot go below that."
            ) % {"held": record.num_allocated}
    if errors:
        raise StockLevelErrors(errors)
    changed = 0
    for change in sorted(changes, key=lambda c: c.stockrecord_id):
        if stock.set_level(change.stockrecord_id, change.num_in_stock, reason=reason, by=by, note=note):
            changed += 1
    return changed
