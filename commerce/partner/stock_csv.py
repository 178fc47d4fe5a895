"""Stock as CSV: export a shop's stock records, and import levels and prices back.

The import is checked whole before anything is written: every bad row is reported with its line
number (the header is line 1) and nothing changes; a clean file is applied in one transaction,
levels through ``stock_levels.set_levels`` (history reason "import"), prices on the same records.
Commas or semicolons both work (spreadsheets in French save with semicolons).
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.core.validation import validate_integer
from commerce.money.fields import MONEY_DECIMAL_PLACES, MONEY_MAX_DIGITS

from .stock_levels import LevelChange, StockLevelErrors, set_levels

StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")

COLUMNS = ("partner_sku", "title", "num_in_stock", "price")
#: Header names accepted for each column (lower case).
ALIASES = {"partner_sku": {"partner_sku", "sku"}, "title": {"title", "product", "product_title"}}


def write_stock_csv(stockrecords, out):
    """One row per stock record: SKU, product title, number in stock, price."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for record in stockrecords:
        writer.writerow(
            [
                record.partner_sku,
                record.product.get_title(),
                "" if record.num_in_stock is None else record.num_in_stock,
                "" if record.price is None else record.price,
            ]
        )


@dataclass
class ImportRow:
    line: int
    record: object
    num_in_stock: int | None = None
    price: Decimal | None = None


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (line, message)

    @property
    def ok(self):
        return not self.errors


class StockImportError(Exception):
    """The file was refused; ``errors`` is a list of ``(line, message)``, line 0 for the whole file."""

    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda error: error[0])
        super().__init__("; ".join(f"line {line}: {message}" for line, message in self.errors))


def read_stock_csv(data, *, partner, max_rows):
    """Parse and check every row of ``data`` (bytes) against ``partner``'s stock records.

    Returns the rows to apply; raises ``StockImportError`` listing every problem found.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StockImportError([(0, _("The file is not UTF-8 text (save it as “CSV UTF-8”)."))]) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    columns = _columns(header)
    records = {
        record.partner_sku: record
        for record in StockRecord.objects.filter(partner=partner).select_related("product__parent")
    }
    result = ImportResult()
    seen = {}
    for values in reader:
        if not any(value.strip() for value in values):
            continue
        line = reader.line_num
        if len(result.rows) + len(result.errors) >= max_rows:
            raise StockImportError(
                [(line, _("Too many rows: at most %(max)d per file.") % {"max": max_rows})]
            )
        row = _read_row(line, values, columns, records, seen, result.errors)
        if row is not None:
            result.rows.append(row)
    if result.errors:
        raise StockImportError(result.errors)
    return result.rows


def _columns(header):
    if header is None:
        raise StockImportError([(1, _("The file is empty."))])
    names = [name.strip().lower() for name in header]
    columns = {}
    for index, name in enumerate(names):
        for column in COLUMNS:
            if name == column or name in ALIASES.get(column, ()):
                columns.setdefault(column, index)
    if "partner_sku" not in columns:
        raise StockImportError([(1, _("The header has no “partner_sku” column."))])
    if "num_in_stock" not in columns and "price" not in columns:
        raise StockImportError([(1, _("The header needs a “num_in_stock” or a “price” column."))])
    return columns


def _cell(values, columns, name):
    index = columns.get(name)
    if index is None or index >= len(values):
        return ""
    return values[index].strip()


def _read_row(line, values, columns, records, seen, errors):
    before = len(errors)
    sku = _cell(values, columns, "partner_sku")
    record = records.get(sku)
    if not sku:
        errors.append((line, _("The SKU is empty.")))
    elif record is None:
        errors.append((line, _("No stock record of this shop has the SKU “%(sku)s”.") % {"sku": sku}))
    elif sku in seen:
        errors.append(
            (line, _("SKU “%(sku)s” is already on line %(line)d.") % {"sku": sku, "line": seen[sku]})
        )
    else:
        seen[sku] = line
    level = _level(line, _cell(values, columns, "num_in_stock"), record, errors)
    price = _price(line, _cell(values, columns, "price"), errors)
    if len(errors) > before:
        return None
    return ImportRow(line=line, record=record, num_in_stock=level, price=price)


def _level(line, raw, record, errors):
    if not raw:
        return None
    try:
        level = int(raw)
        validate_integer(level)
    except ValueError:
        errors.append((line, _("“%(value)s” is not a whole number of units.") % {"value": raw}))
        return None
    except ValidationError as exc:
        errors.append((line, exc.messages[0]))
        return None
    if level < 0:
        errors.append((line, _("Stock cannot be negative.")))
    elif record is not None and record.num_in_stock is None:
        errors.append((line, _("Stock is not counted for this product: leave num_in_stock empty.")))
    elif record is not None and level < (record.num_allocated or 0):
        errors.append(
            (
                line,
                _("%(held)d units are held for orders; stock cannot go below that.")
                % {"held": record.num_allocated},
            )
        )
    return level


def _price(line, raw, errors):
    if not raw:
        return None
    try:
        price = Decimal(raw.replace(",", "."))
    except InvalidOperation:
        errors.append((line, _("“%(value)s” is not a price.") % {"value": raw}))
        return None
    if not price.is_finite() or price < 0:
        errors.append((line, _("The price must be zero or more.")))
        return None
    exponent = price.as_tuple().exponent
    if exponent < -MONEY_DECIMAL_PLACES or len(price.quantize(Decimal(1)).as_tuple().digits) > (
        MONEY_MAX_DIGITS - MONEY_DECIMAL_PLACES
    ):
        errors.append((line, _("“%(value)s” has too many digits (prices have 3 decimals).") % {"value": raw}))
        return None
    return price


@transaction.atomic
def apply_stock_import(rows, *, by=None):
    """Write a checked import; returns ``(levels changed, prices changed)``.

    Raises ``StockImportError`` (nothing written) if stock moved under a row since it was checked.
    """
    changes = [LevelChange(row.record.pk, row.num_in_stock) for row in rows if row.num_in_stock is not None]
    try:
        levels = set_levels(changes, reason=StockMovement.IMPORT, by=by, note=_("CSV import"))
    except StockLevelErrors as exc:
        lines = {row.record.pk: row.line for row in rows}
        raise StockImportError([(lines[pk], message) for pk, message in exc.errors.items()]) from exc
    prices = 0
    for row in rows:
        if row.price is not None and row.price != row.record.price:
            # A fresh, locked copy: saving must not write back levels read before the import.
            record = StockRecord.objects.select_for_update(of=("self",)).get(pk=row.record.pk)
            record.price = row.price
            record.save(update_fields=["price", "date_updated"])
            prices += 1
    return levels, prices
