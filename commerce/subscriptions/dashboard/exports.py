"""The subscriptions list as CSV and as Excel (amounts kept as numbers to the millime)."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook


def _header():
    return [
        _("Customer"),
        _("Plan"),
        _("Status"),
        _("Amount per period (TND)"),
        _("Started"),
        _("Next renewal"),
        _("Ended"),
    ]


def _rows(subs):
    for sub in subs:
        yield [
            sub.user.email,
            sub.plan.product.get_title(),
            sub.get_status_display(),
            sub.amount,
            sub.created_at.date().isoformat(),
            sub.current_period_end.date().isoformat() if sub.current_period_end else "",
            sub.ended_at.date().isoformat() if sub.ended_at else "",
        ]


def _cell(value):
    """Spreadsheets run text starting with = + - @ as formulas: such text is quoted."""
    return f"'{value}" if isinstance(value, str) and value[:1] in "=+-@" else value


def as_csv(subs):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header())
    for row in _rows(subs):
        writer.writerow([_cell(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="subscriptions.csv"'
    return response


def as_excel(subs):
    book = Workbook()
    sheet = book.active
    sheet.title = _("Subscriptions")[:31]
    sheet.append(_header())
    for row in _rows(subs):
        sheet.append([_cell(value) for value in row])
        sheet.cell(row=sheet.max_row, column=4).number_format = "#,##0.000"
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="subscriptions.xlsx"'
    return response
