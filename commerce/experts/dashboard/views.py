"""The platform admins' review of expert applications: the queue, one application with its
documents and checklist, the decision; identity documents streamed through an audited view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from .. import selectors, services
from ..exceptions import ExpertError
from ..forms import DecisionForm
from .access import reviews_experts

TABS = (
    ("submitted", gettext_lazy("To review")),
    ("payout", gettext_lazy("Changed payout details")),
    ("approved", gettext_lazy("Approved")),
    ("refused", gettext_lazy("Rejected or changes asked")),
    ("draft", gettext_lazy("Drafts")),
)
DOCUMENTS = ("cin_front", "cin_back")


def _admins_only(view):
    def checked(request, *args, **kwargs):
        if not reviews_experts(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    checked.__doc__, checked.__name__ = view.__doc__, view.__name__
    return checked


@_admins_only
def queue(request):
    tab = request.GET.get("tab") if request.GET.get("tab") in selectors.QUEUES else "submitted"
    return render(
        request,
        "experts/dashboard/queue.html",
        {"applications": selectors.review_queue(tab)[:200], "tab": tab, "tabs": TABS},
    )


def _checklist(profile):
    verification = profile.verification
    return [
        (_("Photo"), bool(profile.photo)),
        (_("Professional bio"), any(getattr(profile, f"bio_{code}") for code in ("fr", "en", "ar"))),
        (_("Domains"), bool(profile.domains.all())),
        (_("Languages"), bool(profile.languages)),
        (_("Prices"), bool(profile.services)),
        (_("ID card, front"), bool(verification.cin_front)),
        (_("ID card, back"), bool(verification.cin_back)),
        (_("Bank account (RIB key checked)"), bool(verification.rib_encrypted)),
        (_("Tax status"), bool(verification.tax_option)),
    ]


@_admins_only
def application(request, pk):
    profile = selectors.application(pk)
    if profile is None:
        raise Http404
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
        try:
            if decision == "approve":
                services.approve(profile, by=request.user)
            elif decision == "reject":
                services.reject(profile, by=request.user, reason=reason)
            elif decision == "changes":
                services.request_changes(profile, by=request.user, reason=reason)
            else:
                services.approve_payout_details(profile, by=request.user)
        except ExpertError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Decision recorded; the expert is told."))
            return redirect("experts-dashboard:queue")
    return render(
        request,
        "experts/dashboard/application.html",
        {
            "profile": profile,
            "verification": profile.verification,
            "checklist": _checklist(profile),
            "form": form,
            "decisions": profile.decisions.all(),
        },
    )


@never_cache
@_admins_only
def document(request, pk, side):
    """Stream one identity document (decrypted) after recording who opened it; no URL exists."""
    profile = selectors.application(pk)
    if profile is None or side not in DOCUMENTS:
        raise Http404
    verification = profile.verification
    stored = getattr(verification, side)
    if not stored:
        raise Http404
    services.record_document_access(verification, side, by=request.user)
    response = FileResponse(stored.open("rb"), as_attachment=False, filename=stored.name.rsplit("/", 1)[-1])
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
