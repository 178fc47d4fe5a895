"""The shopper's wallet page (``/<lang>/accounts/wallet/``) and its history as CSV.

Both read the same filtered history (``selectors.entries_for`` with the form's filters); the page
adds the balance, the coins on hold and the coin packs on sale (added to the basket like any
product, paid by card).
"""

import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import history, selectors
from .forms import HistoryFilterForm
from .models import Hold

HISTORY_PER_PAGE = 20


@login_required
def wallet(request):
    form = HistoryFilterForm.from_query(request.GET)
    entries = selectors.entries_for(request.user, **form.filters())
    page = Paginator(entries, HISTORY_PER_PAGE).get_page(request.GET.get("page"))
    coins, held_coins = selectors.wallet_summary(request.user)
    context = {
        "page_title": _("My coins"),
        "active_tab": "wallet",
        "coins": coins,
        "held_coins": held_coins,
        "balance_value": selectors.coins_in_tnd(coins),
        "held_value": selectors.coins_in_tnd(held_coins),
        "coin_value": selectors.coin_value(),
        "holds": selectors.holds_for(request.user, status=Hold.Status.PENDING),
        "form": form,
        "page_obj": page,
        "rows": [(entry, history.entry_coins(entry)) for entry in page.object_list],
        "query": _query_without_page(request),
        "packs": history.coin_packs(),
    }
    return render(request, "wallet/wallet.html", context)


class _Echo:
    """A file-like object whose ``write`` returns the line: csv writes rows straight into the stream."""

    def write(self, value):
        return value


@login_required
def history_csv(request):
    """The filtered history as a CSV file (UTF-8 with a byte-order mark, so spreadsheets read Arabic)."""
    form = HistoryFilterForm.from_query(request.GET)
    entries = selectors.entries_for(request.user, **form.filters())
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff"
        yield writer.writerow([_("Date"), _("Type"), _("What for"), _("Coins"), _("Value (TND)")])
        for entry in entries.iterator(chunk_size=500):
            coins = history.entry_coins(entry)
            transaction = entry.transaction
            yield writer.writerow(
                [
                    timezone.localtime(transaction.created_at).isoformat(timespec="seconds"),
                    transaction.get_kind_display(),
                    _spreadsheet_text(transaction.reference or transaction.memo),
                    coins,
                    selectors.coins_in_tnd(coins),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="coins-history.csv"'
    return response


def _spreadsheet_text(text):
    """Text a spreadsheet shows as text, never runs as a formula (a memo starting with "=")."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _query_without_page(request):
    """The filters of the current query string, for the pagination and CSV links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
