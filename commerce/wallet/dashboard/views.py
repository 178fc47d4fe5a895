"""``/dashboard/wallet/…``: the ledger's books for platform admins (accounts, transactions, holds,
reconciliation) and the goodwill credit form for Support and platform admins."""

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from commerce.wallet import selectors, services
from commerce.wallet.exceptions import WalletError

from . import books
from .access import bookkeepers_only, grantors_only
from .forms import AccountFilterForm, GoodwillForm, HoldFilterForm, TransactionFilterForm

PER_PAGE = 50


def _filtered(request, form_class):
    form = form_class(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, {name: value for name, value in filters.items() if value}


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


@bookkeepers_only
def accounts(request):
    form, filters = _filtered(request, AccountFilterForm)
    context = {
        "page_title": _("Accounts and balances"),
        "form": form,
        "page_obj": _page(request, books.accounts(**filters)),
        "totals": books.totals_by_kind(),
    }
    return render(request, "wallet/dashboard/accounts.html", context)


@bookkeepers_only
def transactions(request):
    form, filters = _filtered(request, TransactionFilterForm)
    context = {
        "page_title": _("Transactions"),
        "form": form,
        "page_obj": _page(request, books.transactions(**filters)),
    }
    return render(request, "wallet/dashboard/transactions.html", context)


@bookkeepers_only
def holds(request):
    form, filters = _filtered(request, HoldFilterForm)
    context = {
        "page_title": _("Holds"),
        "form": form,
        "page_obj": _page(request, books.holds(**filters)),
        "statuses": books.holds_by_status(),
    }
    return render(request, "wallet/dashboard/holds.html", context)


@bookkeepers_only
def reconciliation(request):
    context = {"page_title": _("Reconciliation"), "report": selectors.reconcile()}
    return render(request, "wallet/dashboard/reconciliation.html", context)


@grantors_only
def goodwill(request):
    form = GoodwillForm(request.POST or None, initial={"token": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.grant_goodwill(
                form.user, data["coins"], reason=data["reason"], granted_by=request.user, key=form.grant_key()
            )
        except WalletError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("%(coins)d coins granted to %(email)s.")
                % {"coins": data["coins"], "email": form.user.email},
            )
            return redirect("wallet-dashboard:goodwill")
    return render(request, "wallet/dashboard/goodwill.html", {"page_title": _("Grant coins"), "form": form})
