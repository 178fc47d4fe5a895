"""``/dashboard/subscriptions/``: the list with filters and exports, MRR, new and churned per month,
failed payments to follow up; a seller sees only its shop's. ``plans/``: a seller edits its own
plans (404 for another shop's). In offline test mode, platform admins
may advance a subscriber's test clock (a simulated renewal)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commerce.payment.stripe import config
from commerce.subscriptions import selectors, services
from commerce.subscriptions.exceptions import SubscriptionError
from commerce.subscriptions.models import Plan

from . import exports
from .access import advances_clocks, subscriptions_viewers_only
from .forms import PlanForm, SubscriptionFilterForm

PER_PAGE = 50


def _visible(request):
    subs = selectors.visible_to(request.user)
    plans = Plan.objects.filter(pk__in=subs.values("plan")).select_related("product")
    form = SubscriptionFilterForm(request.GET or None, plans=plans)
    return subs, form, selectors.filtered(subs, **form.filters())


@subscriptions_viewers_only
def subscription_list(request):
    subs, form, shown = _visible(request)
    export = request.GET.get("export")
    if export == "csv":
        return exports.as_csv(shown)
    if export == "xlsx":
        return exports.as_excel(shown)
    test_mode = config.is_offline_test_mode() and advances_clocks(request.user)
    context = {
        "page_title": _("Subscriptions"),
        "form": form,
        "page_obj": Paginator(shown, PER_PAGE).get_page(request.GET.get("page")),
        "mrr": selectors.mrr(subs),
        "movements": selectors.monthly_movements(subs),
        "failed": selectors.failed_payments(subs)[:50],
        "test_mode": test_mode,
        "query": request.GET.urlencode(),
    }
    return render(request, "subscriptions/dashboard/list.html", context)


@subscriptions_viewers_only
@require_POST
@transaction.non_atomic_requests
def advance_clock(request, pk):
    """Offline test mode: live through one billing period of this subscription (Stripe's events follow)."""
    if not (config.is_offline_test_mode() and advances_clocks(request.user)):
        raise PermissionDenied
    sub = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    try:
        services.advance_test_clock(sub)
    except SubscriptionError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request, _("The test clock moved one period ahead; Stripe's events are on their way.")
        )
    return redirect("subscriptions-dashboard:list")


@subscriptions_viewers_only
def plan_list(request):
    plans = selectors.plans_visible_to(request.user).prefetch_related("product__stockrecords")
    return render(
        request, "subscriptions/dashboard/plans.html", {"page_title": _("Subscription plans"), "plans": plans}
    )


@subscriptions_viewers_only
def plan_edit(request, pk):
    plan = get_object_or_404(selectors.plans_visible_to(request.user), pk=pk)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in PlanForm.Meta.fields}
        services.update_plan(plan, price=form.cleaned_data["price"], **fields)
        messages.success(request, _("The plan has been saved."))
        return redirect("subscriptions-dashboard:plans")
    context = {"page_title": plan.product.get_title(), "plan": plan, "form": form}
    return render(request, "subscriptions/dashboard/plan_form.html", context)
