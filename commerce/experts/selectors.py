"""Reads about experts: the public directory and profiles, the CMS cards, the admins' review queue.

Public reads only ever see listed profiles (approved and public): anything else is a 404, whoever
asks. Lists prefetch domains in one query, so a page costs the same with 5 experts or 500.
"""

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext as _

from .models import SERVICES, Domain, ExpertProfile, Verification

SERVICE_FIELDS = dict(SERVICES)


def _with_domains(queryset):
    """Domains prefetched, and the rating summary (kept by the consultations app) joined."""
    return queryset.select_related("rating_summary").prefetch_related(
        Prefetch("domains", queryset=Domain.objects.order_by("position", "slug"))
    )


def with_domains(experts):
    """Experts (a queryset, or a list ranked by search) with their domains in display order."""
    if isinstance(experts, list):
        prefetch_related_objects(
            experts, Prefetch("domains", queryset=Domain.objects.order_by("position", "slug"))
        )
        return experts
    return _with_domains(experts)


def listed_experts(*, domain=None, language=None, service=None, max_price=None):
    """Listed experts matching the filters (each optional), newest approval first.

    ``service`` (text, video or call) keeps experts offering it; ``max_price`` bounds that
    service's price, or, without a service, the price of at least one offered service.
    """
    experts = ExpertProfile.objects.listed()
    if domain:
        experts = experts.filter(domains__slug=domain)
    if language:
        experts = experts.filter(languages__contains=[language])
    if service:
        field = SERVICE_FIELDS[service]
        experts = experts.filter(**{f"{field}__isnull": False})
        if max_price is not None:
            experts = experts.filter(**{f"{field}__lte": max_price})
    elif max_price is not None:
        within = Q()
        for field in SERVICE_FIELDS.values():
            within |= Q(**{f"{field}__lte": max_price})
        experts = experts.filter(within)
    return _with_domains(experts.distinct().order_by("-approved_at", "pk"))


def listed_expert(slug):
    """The listed expert at ``slug``; a 404 for unknown, unapproved or private profiles."""
    expert = _with_domains(ExpertProfile.objects.listed()).filter(slug=slug).first()
    if expert is None:
        raise Http404
    return expert


def suggested_for(user, count=6):
    """Listed experts in the domains ``user`` is interested in (their client profile), not themselves;
    empty for visitors. One query for the experts and one for their domains."""
    if not user.is_authenticated:
        return []
    return list(listed_experts().filter(domains__interested_clients__user=user).exclude(user=user)[:count])


def featured_experts(count):
    """The ``count`` most recently approved listed experts, for the CMS's expert cards."""
    return listed_experts()[:count]


def domains():
    return Domain.objects.order_by("position", "slug")


def profile_of(user):
    """The user's own expert profile (with its verification), or ``None``."""
    if not user.is_authenticated:
        return None
    return (
        ExpertProfile.objects.select_related("verification")
        .prefetch_related("domains")
        .filter(user=user)
        .first()
    )


#: The admins' queue tabs: applications to decide, payout details changed after approval, the rest.
QUEUES = {
    "submitted": Q(status=ExpertProfile.Status.SUBMITTED),
    "payout": Q(
        status=ExpertProfile.Status.APPROVED, verification__payout_status=Verification.Payout.PENDING
    ),
    "approved": Q(status=ExpertProfile.Status.APPROVED),
    "refused": Q(status__in=[ExpertProfile.Status.REJECTED, ExpertProfile.Status.CHANGES_REQUESTED]),
    "draft": Q(status=ExpertProfile.Status.DRAFT),
}


def review_queue(queue):
    return (
        ExpertProfile.objects.filter(QUEUES[queue])
        .select_related("user", "verification")
        .prefetch_related("domains")
        .order_by("submitted_at", "pk")
    )


def application(pk):
    return (
        ExpertProfile.objects.select_related("user", "verification")
        .prefetch_related("domains", "decisions__decided_by")
        .filter(pk=pk)
        .first()
    )


def missing_for_submission(profile):
    """Translated reasons the application cannot be sent yet (empty: it can)."""
    missing = []
    if not any(getattr(profile, f"bio_{code}") for code in ("fr", "en", "ar")):
        missing.append(_("a professional bio"))
    if not profile.domains.exists():
        missing.append(_("at least one domain"))
    if not profile.languages:
        missing.append(_("the languages you speak"))
    if not any(getattr(profile, field) is not None for _name, field in SERVICES):
        missing.append(_("a price for at least one service"))
    verification = profile.verification
    if not verification.has_documents:
        missing.append(_("both sides of your ID card"))
    if not verification.rib_encrypted:
        missing.append(_("your bank account (RIB)"))
    if not verification.tax_option:
        missing.append(_("your tax status"))
    return missing
