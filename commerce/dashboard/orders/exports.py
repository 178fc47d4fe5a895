"""Order lines as CSV, Excel or PDF: one row per line the user fulfils (a seller never sees others').

Amounts after "Total (inc. tax)" are net of refunds and cancellations (see ``selectors.with_net``).

The rows are built once (``line_rows``) and written by one small function per format. WeasyPrint is
imported only when a PDF is asked for, so the dashboard works where its system libraries are absent.
"""

import csv
import io
from dataclasses import dataclass

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from commerce.order import statuses

from .selectors import share_totals


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    amount: bool = False


COLUMNS = (
    Column("number", _("Order number")),
    Column("date", _("Date of purchase")),
    Column("order_status", _("Order status")),
    Column("email", _("Buyer email")),
    Column("ship_to", _("Deliver to")),
    Column("city", _("City")),
    Column("line", _("Line")),
    Column("title", _("Product")),
    Column("sku", _("SKU")),
    Column("quantity", _("Quantity")),
    Column("line_status", _("Line status")),
    Column("unit_price", _("Unit price (inc. tax)"), amount=True),
    Column("total_incl_tax", _("Total (inc. tax)"), amount=True),
    Column("refunded", _("Refunded or cancelled (inc. tax)"), amount=True),
    Column("total_excl_tax", _("Net total (excl. tax)"), amount=True),
    Column("commission_rate", _("Commission rate")),
    Column("commission", _("Net commission"), amount=True),
    Column("net", _("Seller's net share"), amount=True),
    Column("shop", _("Shop")),
)
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def line_rows(lines):
    """One dict per line, keyed like ``COLUMNS`` (amounts stay ``Decimal``)."""
    for line in lines:
        order = line.order
        address = order.shipping_address
        yield {
            "number": order.number,
            "date": timezone.localtime(order.date_placed),
            "order_status": str(statuses.label(order.status)),
            "email": order.email,
            "ship_to": address.name if address else "",
            "city": address.line4 if address else "",
            "line": line.pk,
            "title": line.title,
            "sku": line.partner_sku,
            "quantity": line.quantity,
            "line_status": str(statuses.label(line.status)),
            "unit_price": line.unit_price_incl_tax,
            "total_incl_tax": line.line_price_incl_tax,
            "refunded": line.line_price_incl_tax - line.net_incl_tax,
            "total_excl_tax": line.net_excl_tax,
            "commission_rate": f"{line.commission_rate * 100:.2f} %",
            "commission": line.net_commission,
            "net": line.net_incl_tax - line.net_commission,
            "shop": line.partner_name,
        }


def _text(value):
    if hasattr(value, "tzinfo"):
        return date_format(value, "Y-m-d H:i")
    return "" if value is None else str(value)


def write_csv(rows, out):
    writer = csv.writer(out)
    writer.writerow([str(column.label) for column in COLUMNS])
    for row in rows:
        writer.writerow([_text(row[column.key]) for column in COLUMNS])


def xlsx_bytes(rows):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(_("Order lines"))[:31])

    def cell(value, **style):
        written = WriteOnlyCell(sheet, value=value)
        for name, setting in style.items():
            setattr(written, name, setting)
        return written

    bold = Font(bold=True)
    sheet.append([cell(str(column.label), font=bold) for column in COLUMNS])
    for row in rows:
        values = []
        for column in COLUMNS:
            value = row[column.key]
            if hasattr(value, "tzinfo"):
                # Excel has no time zones: write the local time the dashboard shows.
                values.append(cell(value.replace(tzinfo=None), number_format="yyyy-mm-dd hh:mm"))
            elif column.amount and value is not None:
                values.append(cell(value, number_format="0.000"))
            else:
                values.append(value)
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_bytes(rows, *, title, totals):
    from weasyprint import HTML

    rows = list(rows)
    html = render_to_string(
        "oscar/dashboard/orders/lines_export_pdf.html",
        {
            "rows": rows,
            "columns": COLUMNS,
            "title": title,
            "generated": timezone.localtime(),
            "totals": totals,
        },
    )
    return HTML(string=html).write_pdf()


def export_response(lines, fmt, *, title):
    """An attachment of ``lines`` in ``fmt`` (``csv``, ``xlsx`` or ``pdf``)."""
    lines = list(lines)
    rows = list(line_rows(lines))
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="order-lines-{stamp}.{fmt}"'
    if fmt == "csv":
        response.write("\ufeff")
        write_csv(rows, response)
    elif fmt == "xlsx":
        response.write(xlsx_bytes(rows))
    else:
        totals = {
            **share_totals(lines),
            "sold": sum(row["total_incl_tax"] for row in rows),
            "taken_off": sum(row["refunded"] for row in rows),
        }
        response.write(pdf_bytes(rows, title=title, totals=totals))
    return response
