"""The customer's subscriptions page and its actions. Views parse the request and call
``services``; a refused action comes back as a translated message on the same page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from . import selectors, services
from .exceptions import SubscriptionError
from .models import Plan

Product = get_model("catalogue", "Product")


@login_required
def mine(request):
    if request.GET.get("checkout") == "success":
        messages.success(
            request, _("Thank you! Your subscription starts as soon as Stripe confirms the payment.")
        )
    context = {
        "page_title": _("My subscriptions"),
        "active_tab": "subscriptions",
        "subscriptions": [
            (sub, list(services.switchable_plans(sub)) if sub.gives_benefits else [])
            for sub in selectors.for_customer(request.user)
        ],
        "pause_choices": range(1, 4),
        "credit": selectors.credit(request.user),
    }
    return render(request, "subscriptions/mine.html", context)


def _subscription(request, pk):
    sub = selectors.customer_subscription(request.user, pk)
    if sub is None:
        raise Http404
    return sub


def _act(request, action, done):
    try:
        action()
    except SubscriptionError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, done)
    return redirect("subscriptions:mine")


@login_required
@require_POST
@transaction.non_atomic_requests
def subscribe(request, product_pk):
    product = get_object_or_404(Product, pk=product_pk)
    mine_url = request.build_absolute_uri(reverse("subscriptions:mine"))
    try:
        url = services.start_checkout(
            request.user,
            product,
            success_url=f"{mine_url}?checkout=success",
            cancel_url=request.build_absolute_uri(product.get_absolute_url()),
            language=get_language(),
        )
    except SubscriptionError as error:
        messages.error(request, str(error.message))
        return redirect(product.get_absolute_url())
    return redirect(url)


@login_required
@require_POST
@transaction.non_atomic_requests
def cancel(request, pk):
    sub = _subscription(request, pk)
    return _act(
        request,
        lambda: services.cancel_at_period_end(sub),
        _("Your subscription will end at the end of the current period."),
    )


@login_required
@require_POST
@transaction.non_atomic_requests
def resume(request, pk):
    sub = _subscription(request, pk)
    return _act(request, lambda: services.resume(sub), _("Your subscription continues."))


@login_required
@require_POST
@transaction.non_atomic_requests
def pause(request, pk):
    sub = _subscription(request, pk)
    try:
        periods = int(request.POST.get("periods", ""))
    except ValueError:
        periods = 0
    return _act(request, lambda: services.pause(sub, periods), _("Your subscription is paused."))


@login_required
@transaction.non_atomic_requests
def switch(request, pk):
    """GET: the proration of switching to ``?plan=`` shown before confirming; POST: switch."""
    sub = _subscription(request, pk)
    plan = Plan.objects.filter(pk=request.POST.get("plan") or request.GET.get("plan") or 0).first()
    if plan is None:
        messages.error(request, _("Choose a plan."))
        return redirect("subscriptions:mine")
    if request.method == "POST":
        date = request.POST.get("proration_date")
        return _act(
            request,
            lambda: services.switch_plan(
                sub, plan, proration_date=int(date) if date and date.isdigit() else None
            ),
            _("Your plan has been changed."),
        )
    try:
        preview = services.preview_switch(sub, plan)
    except SubscriptionError as error:
        messages.error(request, str(error.message))
        return redirect("subscriptions:mine")
    context = {"page_title": _("Switch plan"), "active_tab": "subscriptions", "sub": sub, "preview": preview}
    return render(request, "subscriptions/switch.html", context)


@login_required
@require_POST
@transaction.non_atomic_requests
def card(request, pk):
    """Send the customer to Stripe's billing portal to change the card."""
    sub = _subscription(request, pk)
    try:
        url = services.billing_portal_url(sub, request.build_absolute_uri(reverse("subscriptions:mine")))
    except SubscriptionError as error:
        messages.error(request, str(error.message))
        return redirect("subscriptions:mine")
    return redirect(url)
