"""State changes of expert applications: apply, edit, verify, submit, and the admin's decisions.

Each runs in one transaction with the profile's row locked, so two admins deciding at once (or an
expert editing while an admin approves) end in one outcome. What follows a change is called here:
the expert is told through ``notify()`` after commit, the page cache's ``experts`` tag is bumped
(directory, profiles, CMS expert cards, sitemap). The search index follows saves through
``search.indexing``.

Bank or tax details changed after approval go back to review alone (``Verification.payout_status``):
the expert stays listed, because the profile and identity clients rely on were already checked and
nothing about them changed; what is at stake is where money goes, and payouts wait for
``payout_status == approved``. Hiding an expert for a new bank account would punish their clients
for an admin's delay without protecting anyone.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from commerce.core import pagecache
from commerce.core.private_storage import encrypt_text
from commerce.users.roles import EXPERTS, add_to_role

from . import notices
from .exceptions import ExpertError
from .models import DocumentAccess, ExpertProfile, ReviewDecision, Verification
from .selectors import missing_for_submission
from .validators import normalize_matricule, normalize_rib

EXPERTS_TAG = pagecache.EXPERTS_TAG
Status = ExpertProfile.Status
#: States from which an expert may send the application (again).
SUBMITTABLE = (Status.DRAFT, Status.CHANGES_REQUESTED, Status.REJECTED)
#: Profile fields an expert edits (the translated bio per language, prices, settings).
PROFILE_FIELDS = (
    "full_name",
    "photo",
    "bio_fr",
    "bio_en",
    "bio_ar",
    "languages",
    "text_price",
    "video_price",
    "call_price_per_minute",
    "call_minimum_minutes",
    "booking_mode",
    "is_public",
)


def _unique_slug(full_name):
    base = slugify(full_name)[:70] or "expert"
    slug, counter = base, 2
    while ExpertProfile.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def _locked(profile):
    return ExpertProfile.objects.select_for_update().get(pk=profile.pk)


def _changed(profile):
    pagecache.invalidate(EXPERTS_TAG)
    return profile


@transaction.atomic
def apply(user, *, full_name):
    """Make ``user`` an expert with a draft profile (their existing one if they already applied)."""
    full_name = (full_name or "").strip()
    if not full_name:
        raise ExpertError(_("Enter your full name."))
    add_to_role(user, EXPERTS)
    profile, created = ExpertProfile.objects.get_or_create(
        user=user, defaults={"full_name": full_name, "slug": _unique_slug(full_name)}
    )
    if created:
        Verification.objects.create(profile=profile)
    return profile


@transaction.atomic
def update_profile(profile, *, domains=None, **fields):
    """Change the public profile; a listed expert's changes show at once (prices are theirs to set)."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    profile = _locked(profile)
    for name, value in fields.items():
        setattr(profile, name, value)
    if not profile.full_name.strip():
        raise ExpertError(_("Enter your full name."))
    profile.save()
    if domains is not None:
        profile.domains.set(domains)
    return _changed(profile)


@transaction.atomic
def save_verification(profile, *, cin_front=None, cin_back=None, rib=None, tax_option=None, tax_id=None):
    """Store documents and payout details given (``None``: unchanged). RIB and tax ID are checked.

    After approval, new bank, tax or identity details send the payout part back to review.
    """
    profile = _locked(profile)
    verification = Verification.objects.select_for_update().get(profile=profile)
    payout_changed = False
    if rib is not None:
        digits = normalize_rib(rib)
        if digits != verification.rib():
            verification.rib_encrypted = encrypt_text(digits)
            verification.rib_last4 = digits[-4:]
            payout_changed = True
    if tax_option is not None:
        if tax_option not in Verification.Tax.values:
            raise ExpertError(_("Choose a tax status."))
        tax_id = normalize_matricule(tax_id) if tax_option == Verification.Tax.VAT else ""
        if (tax_option, tax_id) != (verification.tax_option, verification.tax_id):
            verification.tax_option, verification.tax_id = tax_option, tax_id
            payout_changed = True
    for name, upload in (("cin_front", cin_front), ("cin_back", cin_back)):
        if upload is not None:
            field = getattr(verification, name)
            if field:
                transaction.on_commit(lambda old=field.name, storage=field.storage: storage.delete(old))
            suffix = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else "bin"
            field.save(f"{name}.{suffix}", upload, save=False)
            payout_changed = True
    if payout_changed and verification.has_payout_details and verification.has_documents:
        verification.payout_status = Verification.Payout.PENDING
    verification.save()
    return verification


@transaction.atomic
def submit(profile):
    """Send the application to the admins' queue."""
    profile = _locked(profile)
    if profile.status not in SUBMITTABLE:
        raise ExpertError(_("This application is already under review or approved."))
    missing = missing_for_submission(profile)
    if missing:
        raise ExpertError(_("Before sending, add: %(missing)s.") % {"missing": ", ".join(missing)})
    profile.status = Status.SUBMITTED
    profile.submitted_at = timezone.now()
    profile.save(update_fields=["status", "submitted_at", "updated_at"])
    return profile


def _decide(profile, by, action, reason=""):
    ReviewDecision.objects.create(profile=profile, action=action, reason=reason, decided_by=by)


def _reviewable(profile):
    profile = _locked(profile)
    if profile.status != Status.SUBMITTED:
        raise ExpertError(_("Only an application waiting for review can be decided."))
    return profile


@transaction.atomic
def approve(profile, *, by):
    """List the expert: the profile goes public (if they chose so) with its payout details approved."""
    profile = _reviewable(profile)
    verification = Verification.objects.select_for_update().get(profile=profile)
    if not (verification.has_documents and verification.has_payout_details):
        raise ExpertError(_("The ID card, bank account and tax status are needed to approve."))
    profile.status = Status.APPROVED
    profile.approved_at = timezone.now()
    profile.review_note = ""
    profile.save(update_fields=["status", "approved_at", "review_note", "updated_at"])
    verification.payout_status = Verification.Payout.APPROVED
    verification.save(update_fields=["payout_status", "updated_at"])
    _decide(profile, by, ReviewDecision.Action.APPROVE)
    notices.tell(profile, notices.APPROVED)
    return _changed(profile)


def _refuse(profile, by, reason, status, action, event):
    reason = (reason or "").strip()
    if not reason:
        raise ExpertError(_("Write the reason the expert will read."))
    profile = _reviewable(profile)
    profile.status = status
    profile.review_note = reason
    profile.save(update_fields=["status", "review_note", "updated_at"])
    _decide(profile, by, action, reason)
    notices.tell(profile, event, reason=reason)
    return _changed(profile)


@transaction.atomic
def reject(profile, *, by, reason):
    return _refuse(profile, by, reason, Status.REJECTED, ReviewDecision.Action.REJECT, notices.REJECTED)


@transaction.atomic
def request_changes(profile, *, by, reason):
    return _refuse(
        profile,
        by,
        reason,
        Status.CHANGES_REQUESTED,
        ReviewDecision.Action.CHANGES,
        notices.CHANGES_REQUESTED,
    )


@transaction.atomic
def approve_payout_details(profile, *, by):
    """Accept bank or tax details changed after approval."""
    profile = _locked(profile)
    verification = Verification.objects.select_for_update().get(profile=profile)
    if profile.status != Status.APPROVED or verification.payout_status != Verification.Payout.PENDING:
        raise ExpertError(_("There are no changed payout details to review."))
    verification.payout_status = Verification.Payout.APPROVED
    verification.save(update_fields=["payout_status", "updated_at"])
    _decide(profile, by, ReviewDecision.Action.APPROVE_PAYOUT)
    notices.tell(profile, notices.PAYOUT_APPROVED)
    return profile


def record_document_access(verification, document, *, by):
    """Note that ``by`` opened a document (the view streams it only after this row is written)."""
    return DocumentAccess.objects.create(verification=verification, document=document, viewed_by=by)
