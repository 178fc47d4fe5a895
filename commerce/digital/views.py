"""The buyer's pages: "my downloads" and the download link itself (a file, or a page/JSON saying
why not and how to ask the seller)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from . import disputes, selectors, services
from .delivery import client_ip, file_response
from .exceptions import DownloadRefused
from .forms import DisputeForm, MessageForm, ReportForm
from .links import download_rows
from .models import Dispute

Product = get_model("catalogue", "Product")
Line = get_model("order", "Line")


@login_required
def my_downloads(request):
    rows = download_rows(selectors.entitlements_of(user=request.user))
    return render(
        request,
        "digital/my_downloads.html",
        {"page_title": _("My downloads"), "active_tab": "downloads", "rows": rows},
    )


def download(request, token):
    """Serve the file behind a signed link, or say why not (403 not yours/revoked, 410 gone)."""
    try:
        stored, filename = services.take_download(
            token,
            user=request.user if request.user.is_authenticated else None,
            ip=client_ip(request),
            user_agent=request.headers.get("User-Agent", ""),
        )
    except DownloadRefused as refusal:
        if "text/html" in request.headers.get("Accept", ""):
            return render(request, "digital/refused.html", {"message": str(refusal)}, status=refusal.status)
        return JsonResponse({"detail": str(refusal)}, status=refusal.status)
    return file_response(stored, filename)


def preview(request, pk):
    """A free preview (first pages, first seconds), shown in the browser."""
    version = selectors.public_preview(pk)
    if version is None:
        raise Http404
    response = FileResponse(version.preview.open("rb"), filename=version.preview.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_POST
def report(request, pk):
    """Anyone reports a product (signed-in people's email is their account's)."""
    product = get_object_or_404(Product, pk=pk, is_public=True)
    form = ReportForm(request.POST)
    email = request.user.email if request.user.is_authenticated else request.POST.get("email", "")
    if form.is_valid() and email:
        disputes.report_product(
            product,
            reason=form.cleaned_data["reason"],
            message=form.cleaned_data["message"],
            email=email,
            reporter=request.user if request.user.is_authenticated else None,
        )
        messages.success(request, _("Thank you: the platform's team will look at your report."))
    else:
        messages.error(request, _("Choose a reason, say what is wrong and give your email."))
    return redirect(product.get_absolute_url())


@login_required
@require_POST
def open_dispute(request, line_id):
    line = get_object_or_404(Line, pk=line_id, order__user=request.user)
    form = DisputeForm(request.POST)
    if form.is_valid():
        try:
            disputes.open_dispute(line, request.user, form.cleaned_data["reason"])
            messages.success(
                request, _("Your dispute is open: the seller and the platform's team were told.")
            )
        except disputes.DisputeRefused as refusal:
            messages.error(request, str(refusal))
    else:
        messages.error(request, _("Say what went wrong."))
    return redirect("customer:order", order_number=line.order.number)


@login_required
@require_POST
def dispute_message(request, pk):
    dispute = get_object_or_404(Dispute, pk=pk, buyer=request.user)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            disputes.post_message(dispute, request.user, form.cleaned_data["body"])
        except disputes.DisputeRefused as refusal:
            messages.error(request, str(refusal))
    return redirect("customer:order", order_number=dispute.line.order.number)
