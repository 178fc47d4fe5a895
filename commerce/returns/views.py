"""The customer's after-sale actions on their order page (cancel, ask for a return) and the
dashboard's returns queue (a seller sees its shops' requests, staff all of them). Views parse input
and call the services; refusals come back as translated messages and change nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from commerce.order import cancellation

from . import services
from .exceptions import ReturnRefused
from .forms import DecisionForm, ReturnForm
from .models import ReturnPhoto
from .selectors import returnable_units, returns_queue

Order = get_model("order", "Order")


def _own_order(request, number):
    return get_object_or_404(Order, number=number, user=request.user)


@require_POST
@login_required
@transaction.non_atomic_requests  # a paid order is refunded: the refund commits before Stripe is called
def cancel_order(request, number):
    order = _own_order(request, number)
    try:
        cancellation.cancel_order_by_customer(order, by=request.user)
    except cancellation.CancellationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your order is cancelled."))
    return redirect("customer:order", order_number=order.number)


@require_POST
@login_required
@transaction.non_atomic_requests
def request_return(request, number):
    order = _own_order(request, number)
    form = ReturnForm(request.POST, request.FILES, returnable=returnable_units(order))
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        messages.error(request, " ".join(errors))
        return redirect("customer:order", order_number=order.number)
    try:
        services.request_return(
            order,
            lines=form.quantities(),
            reason=form.cleaned_data["reason"],
            refund_method=form.cleaned_data["refund_method"],
            photos=form.cleaned_data["photos"],
            by=request.user,
        )
    except ReturnRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your return request was sent to the seller."))
    return redirect("customer:order", order_number=order.number)


@transaction.non_atomic_requests  # approving refunds through Stripe
def queue(request):
    """Returns to decide (and decided), newest first; POST decides one of them."""
    requests = returns_queue(request.user)
    if request.method == "POST":
        return_request = requests.filter(pk=request.POST.get("request")).first()
        if return_request is None:
            raise Http404
        form = DecisionForm(request.POST)
        if form.is_valid():
            _decide(request, return_request, form.cleaned_data)
        else:
            messages.error(request, _("Choose to approve or refuse the return."))
        return redirect("returns-dashboard:queue")
    status = request.GET.get("status") or "requested"
    listed = requests.filter(status=status) if status != "all" else requests
    return render(
        request,
        "returns/dashboard/queue.html",
        {"requests": listed[:200], "status": status, "form": DecisionForm()},
    )


def _decide(request, return_request, data):
    try:
        if data["decision"] == "approve":
            services.approve_return(return_request, by=request.user, comment=data["comment"])
            messages.success(request, _("Return approved and refunded."))
        else:
            services.refuse_return(return_request, by=request.user, reason=data["comment"])
            messages.success(request, _("Return refused."))
    except ReturnRefused as refusal:
        messages.error(request, str(refusal))


@never_cache
def photo(request, pk):
    """A return's photo, for the dashboard users who may decide the return (no public URL)."""
    picture = ReturnPhoto.objects.filter(pk=pk, request__in=returns_queue(request.user)).first()
    if picture is None:
        raise Http404
    response = FileResponse(picture.image.open("rb"))
    response["Cache-Control"] = "private, no-store"
    return response
