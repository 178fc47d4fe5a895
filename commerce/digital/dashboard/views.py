"""The seller's screens: their digital products, each with its files and checklists, the upload
(drag and drop, chunked), protection options, licence keys and the access log. A seller reaches
only the products of their own shops (``selectors.shop_products``); others answer 404."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commerce.users.roles import PLATFORM_ADMINS

from .. import disputes, selectors, services
from ..exceptions import PublicationBlocked, UploadRefused
from ..forms import DecisionForm, KeysForm, MessageForm, OptionsForm
from ..models import DigitalFile, DigitalOptions, Dispute, LicenceKey, ProductReport


def _own_product(request, pk):
    return get_object_or_404(selectors.shop_products(request.user), pk=pk)


def product_list(request):
    return render(
        request, "digital/dashboard/products.html", {"products": selectors.shop_products(request.user)}
    )


def product_detail(request, pk):
    product = _own_product(request, pk)
    options = DigitalOptions.objects.filter(product=product).first() or DigitalOptions(product=product)
    form = OptionsForm(request.POST or None, instance=options)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Protection options saved."))
        return redirect("digital-dashboard:product", pk=product.pk)
    files = DigitalFile.objects.filter(product=product).prefetch_related("versions")
    context = {
        "product": product,
        "form": form,
        "files": files,
        "keys_form": KeysForm(),
        "keys": LicenceKey.objects.filter(product=product).select_related("line__order")[:200],
        "log": selectors.access_log([product])[:100],
        "alerts": selectors.suspicious([product], settings.DIGITAL_ALERT_ADDRESSES),
        "problems": services.publication_problems(product),
        "chunk_bytes": settings.DIGITAL_CHUNK_BYTES,
    }
    return render(request, "digital/dashboard/product.html", context)


@require_POST
def upload_chunk(request, pk):
    """One chunk of an upload (the page's script sends them in order); JSON for the progress bar."""
    product = _own_product(request, pk)
    chunk = request.FILES.get("chunk")
    if chunk is None:
        return JsonResponse({"detail": _("No file part was sent.")}, status=400)
    file_pk = request.POST.get("file")
    digital_file = get_object_or_404(DigitalFile, product=product, pk=file_pk) if file_pk else None
    try:
        version = services.receive_chunk(
            product,
            request.user,
            upload_id=request.POST.get("upload_id", ""),
            index=int(request.POST.get("index", -1)),
            total=int(request.POST.get("total", 0)),
            name=request.POST.get("name", ""),
            chunk=chunk,
            file=digital_file,
        )
    except ValueError:
        return JsonResponse({"detail": _("This upload is not valid: start it again.")}, status=400)
    except UploadRefused as error:
        return JsonResponse({"detail": str(error)}, status=400)
    return JsonResponse({"done": version is not None, "version": version.pk if version else None})


@require_POST
def publish(request, pk):
    product = _own_product(request, pk)
    public = request.POST.get("public") == "1"
    try:
        services.publish(product, public=public)
    except PublicationBlocked as blocked:
        for message in blocked.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The product is on sale.") if public else _("The product is off sale."))
    return redirect("digital-dashboard:product", pk=product.pk)


@require_POST
def import_keys(request, pk):
    product = _own_product(request, pk)
    form = KeysForm(request.POST, request.FILES)
    if form.is_valid():
        added = services.import_keys(product, form.cleaned_data["lines"])
        messages.success(request, _("%(count)d keys added to the list.") % {"count": added})
    else:
        for error in form.non_field_errors():
            messages.error(request, error)
    return redirect("digital-dashboard:product", pk=product.pk)


@require_POST
def key_action(request, pk, key_pk):
    product = _own_product(request, pk)
    licence = get_object_or_404(LicenceKey, product__in=[product, *product.children.all()], pk=key_pk)
    action = request.POST.get("action")
    if action == "disable":
        services.set_key_status(licence, LicenceKey.Status.DISABLED)
    elif action == "enable":
        services.set_key_status(licence, LicenceKey.Status.ACTIVE)
    elif action == "reset":
        services.reset_key(licence)
    messages.success(request, _("Key %(key)s updated.") % {"key": licence.key})
    return redirect("digital-dashboard:product", pk=product.pk)


def _platform_admin(user):
    return user.is_superuser or user.groups.filter(name=PLATFORM_ADMINS).exists()


def moderation(request):
    """Open reports and disputes (platform admins); a report is upheld (product off sale) or dismissed."""
    if not _platform_admin(request.user):
        raise PermissionDenied
    if request.method == "POST":
        report = get_object_or_404(
            ProductReport, pk=request.POST.get("report"), status=ProductReport.Status.OPEN
        )
        disputes.close_report(report, uphold=request.POST.get("action") == "uphold", by=request.user)
        messages.success(request, _("Report closed."))
        return redirect("digital-dashboard:moderation")
    reports, open_disputes = selectors.moderation_queue()
    return render(
        request, "digital/dashboard/moderation.html", {"reports": reports, "disputes": open_disputes}
    )


def dispute_detail(request, pk):
    """One dispute: its history, a message to both sides, and (platform admins) the decision."""
    dispute = get_object_or_404(Dispute.objects.select_related("line__order", "buyer"), pk=pk)
    admin = _platform_admin(request.user)
    if not disputes.can_take_part(dispute, request.user):
        raise Http404
    message_form = MessageForm(request.POST if "body" in request.POST else None)
    decision_form = DecisionForm(request.POST if "decision" in request.POST else None)
    try:
        if message_form.is_bound and message_form.is_valid():
            disputes.post_message(dispute, request.user, message_form.cleaned_data["body"])
            return redirect("digital-dashboard:dispute", pk=dispute.pk)
        if admin and decision_form.is_bound and decision_form.is_valid():
            data = decision_form.cleaned_data
            disputes.decide(
                dispute,
                request.user,
                data["decision"],
                amount=data["amount"],
                note=data["note"],
                unpublish=data["unpublish"],
            )
            messages.success(request, _("Decision recorded; both sides were told."))
            return redirect("digital-dashboard:dispute", pk=dispute.pk)
    except disputes.DisputeRefused as refusal:
        messages.error(request, str(refusal))
    context = {
        "dispute": dispute,
        "entries": dispute.entries.select_related("author"),
        "message_form": message_form,
        "decision_form": decision_form if admin else None,
    }
    return render(request, "digital/dashboard/dispute.html", context)
