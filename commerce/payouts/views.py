"""The expert's earnings page, payout requests and statements (``/<lang>/expert/earnings/``), and
the platform admins' payout queue, bank batch and statements (``/dashboard/payouts/``).

Views parse input and call services; an expert only ever reaches their own figures (the views
take no expert id), admins reach any expert's through the dashboard, behind ``bookkeepers_only``.
"""

from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from commerce.experts.selectors import profile_of
from commerce.wallet.dashboard.access import bookkeepers_only

from . import selectors, services, statements
from .exceptions import PayoutError
from .forms import DecisionForm, PayoutRequestForm
from .models import PayoutRequest

TABS = (
    ("requested", gettext_lazy("To decide")),
    ("approved", gettext_lazy("Transfers to make")),
    ("done", gettext_lazy("Paid or rejected")),
)


def _expert_only(view):
    @login_required
    def checked(request, *args, **kwargs):
        if profile_of(request.user) is None:
            return redirect("expert-space:apply")
        return view(request, *args, **kwargs)

    checked.__doc__, checked.__name__ = view.__doc__, view.__name__
    return checked


@_expert_only
def earnings(request):
    """Pending, available and paid-out earnings, each month's consultations, the charts, payouts."""
    return _earnings_page(request)


def _earnings_page(request, form=None):
    user = request.user
    summary = selectors.summary(user)
    charts = selectors.monthly_charts(user)
    return render(
        request,
        "payouts/space/earnings.html",
        {
            "summary": summary,
            "months": selectors.by_month(user),
            "charts": charts if any(row.value for chart in charts for row in chart.rows) else [],
            "chart_table": selectors.chart_table(charts),
            "requests": selectors.requests_of(user)[:20],
            "open_request": selectors.open_request(user),
            "minimum": selectors.minimum_millimes(),
            "form": form or PayoutRequestForm(initial={"amount": summary.available_millimes / 1000}),
        },
    )


@require_POST
@_expert_only
def ask_payout(request):
    form = PayoutRequestForm(request.POST)
    if form.is_valid():
        try:
            services.request_payout(request.user, form.millimes())
        except PayoutError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your payout request is sent."))
            return redirect("payouts:earnings")
    return _earnings_page(request, form)


def _month(year, month):
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise Http404
    first = date(year, month, 1)
    if first > timezone.localdate():
        raise Http404
    return first


def _pdf(statement):
    response = FileResponse(
        statement.pdf.open("rb"),
        as_attachment=True,
        filename=f"statement-{statement.month:%Y-%m}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@_expert_only
def statement(request, year, month):
    """GET: the stored statement (rendered once if never); POST: render it again now."""
    first = _month(year, month)
    if request.method == "POST":
        statements.generate(request.user, first)
        messages.success(request, _("Your statement is generated again."))
        return redirect("payouts:statement", year=year, month=month)
    return _pdf(statements.stored_or_generated(request.user, first))


@bookkeepers_only
def queue(request):
    tab = request.GET.get("tab") if request.GET.get("tab") in selectors.QUEUES else "requested"
    return render(
        request,
        "payouts/dashboard/queue.html",
        {
            "requests": selectors.queue(tab)[:200],
            "tab": tab,
            "tabs": TABS,
            "exports": selectors.recent_exports() if tab == "approved" else [],
        },
    )


@require_POST
@bookkeepers_only
def decide(request, pk):
    payout = get_object_or_404(PayoutRequest, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("payouts-dashboard:queue")
    decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
    try:
        if decision == "approve":
            services.approve(payout, by=request.user)
        elif decision == "reject":
            services.reject(payout, by=request.user, reason=reason)
        else:
            services.mark_paid(payout, by=request.user)
    except PayoutError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Decision recorded; the expert is told."))
    return redirect("payouts-dashboard:queue")


@never_cache
@bookkeepers_only
def export_csv(request):
    """The approved requests with full bank account numbers, for the transfer batch (audited)."""
    response = HttpResponse(
        services.export_bank_batch(by=request.user), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="payouts-{timezone.localdate():%Y-%m-%d}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@bookkeepers_only
def admin_statement(request, user_id, year, month):
    """Any expert's statement for platform admins (rendered once if never, like the expert's)."""
    expert = get_object_or_404(get_user_model(), pk=user_id, expert_profile__isnull=False)
    return _pdf(statements.stored_or_generated(expert, _month(year, month)))
