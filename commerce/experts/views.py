"""The expert space (``/<lang>/expert/…``, the expert's own application) and the public directory
(``/<lang>/experts/…``). Views parse input and call services; public reads see listed experts only."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commerce.core import pagecache

from . import listings, selectors, seo, services
from .exceptions import ExpertError
from .forms import ApplyForm, DirectoryFilterForm, ProfileForm, VerificationForm


def _own_profile(request):
    profile = selectors.profile_of(request.user)
    if profile is None:
        return None, redirect("expert-space:apply")
    return profile, None


@login_required
def home(request):
    """The expert's overview: where the application stands and what is left to do."""
    profile, elsewhere = _own_profile(request)
    if elsewhere:
        return elsewhere
    missing = selectors.missing_for_submission(profile)
    return render(
        request,
        "experts/space/home.html",
        {
            "profile": profile,
            "verification": profile.verification,
            "missing": missing,
            "can_submit": not missing and profile.status in services.SUBMITTABLE,
        },
    )


@login_required
def apply(request):
    """Become an expert: a signed-in person gives their name and gets a draft profile."""
    if selectors.profile_of(request.user) is not None:
        return redirect("expert-space:home")
    form = ApplyForm(request.POST or None, initial={"full_name": request.user.get_full_name()})
    if request.method == "POST" and form.is_valid():
        services.apply(request.user, full_name=form.cleaned_data["full_name"])
        messages.success(request, _("Welcome! Fill in your profile, then your verification."))
        return redirect("expert-space:profile")
    return render(request, "experts/space/apply.html", {"form": form})


@login_required
def edit_profile(request):
    profile, elsewhere = _own_profile(request)
    if elsewhere:
        return elsewhere
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(profile, **form.changes())
        except ExpertError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("expert-space:home")
    return render(request, "experts/space/profile_form.html", {"form": form, "profile": profile})


@login_required
def verification(request):
    profile, elsewhere = _own_profile(request)
    if elsewhere:
        return elsewhere
    form = VerificationForm(request.POST or None, request.FILES or None, verification=profile.verification)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_verification(
                profile,
                cin_front=data["cin_front"],
                cin_back=data["cin_back"],
                rib=data["rib"],
                tax_option=data["tax_option"],
                tax_id=data["tax_id"],
            )
        except (ExpertError, ValidationError) as refusal:
            form.add_error(None, refusal.messages if isinstance(refusal, ValidationError) else str(refusal))
        else:
            messages.success(request, _("Your verification details are saved."))
            return redirect("expert-space:home")
    return render(
        request,
        "experts/space/verification_form.html",
        {"form": form, "profile": profile, "verification": profile.verification},
    )


@login_required
@require_POST
def submit(request):
    profile, elsewhere = _own_profile(request)
    if elsewhere:
        return elsewhere
    try:
        services.submit(profile)
    except ExpertError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your application is sent. We will tell you when it is reviewed."))
    return redirect("expert-space:home")


def _cached(request, render_page):
    hit = pagecache.cached_response(request, namespace="experts")
    if hit is not None:
        return hit
    response = render_page()
    if pagecache.is_cacheable_request(request):
        pagecache.store_response(
            request,
            response,
            [pagecache.EXPERTS_TAG],
            settings.EXPERTS_PAGE_CACHE_SECONDS,
            namespace="experts",
        )
    return response


def directory(request):
    """``/<lang>/experts/``: listed experts, filtered by domain, language, service and price."""

    def render_page():
        suggested = selectors.suggested_for(request.user)
        faceted = listings.faceted_listing(request)
        if faceted is not None:
            faceted.update(seo=seo.directory_seo(request), suggested=suggested)
            return render(request, "experts/public/directory.html", faceted)
        form = DirectoryFilterForm(request.GET or None)
        experts = selectors.listed_experts(**form.filters())
        page = Paginator(experts, settings.EXPERTS_PER_PAGE).get_page(request.GET.get("page"))
        filters = request.GET.copy()
        filters.pop("page", None)
        return render(
            request,
            "experts/public/directory.html",
            {
                "form": form,
                "page": page,
                "experts": page.object_list,
                "filters": f"{filters.urlencode()}&" if filters else "",
                "suggested": suggested,
                "seo": seo.directory_seo(request),
            },
        )

    return _cached(request, render_page)


def profile(request, slug):
    """``/<lang>/experts/<slug>/``: a listed expert's public profile (404 for anyone else's)."""

    def render_page():
        expert = selectors.listed_expert(slug)
        return render(
            request,
            "experts/public/profile.html",
            {"expert": expert, "seo": seo.profile_seo(request, expert)},
        )

    return _cached(request, render_page)
