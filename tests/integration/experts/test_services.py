"""Applying, submitting and the admins' decisions; payout details changed after approval."""

import pytest
from django.core.exceptions import ValidationError

from commerce.experts import notices, services
from commerce.experts.exceptions import ExpertError
from commerce.experts.models import (
    ExpertProfile,
    ExpertProfileEvent,
    ReviewDecision,
    Verification,
    VerificationEvent,
)
from commerce.notifications.models import Notification
from commerce.users.roles import EXPERTS
from commerce.users.selectors import has_role
from tests.factories import make_user
from tests.factories.experts import VALID_RIB, document, make_application, make_expert, valid_rib

pytestmark = pytest.mark.django_db

Status = ExpertProfile.Status


@pytest.fixture
def admin(db):
    return make_user(email="admin@example.com", is_staff=True, is_superuser=True)


def test_applying_makes_an_expert_with_a_draft_profile():
    user = make_user(email="amel@example.com")
    profile = services.apply(user, full_name="Amel Ben Ali")
    assert has_role(user, EXPERTS)
    assert profile.status == Status.DRAFT and profile.slug == "amel-ben-ali"
    assert services.apply(user, full_name="Other name").pk == profile.pk


def test_an_incomplete_application_cannot_be_sent_and_says_what_is_missing():
    profile = services.apply(make_user(email="amel@example.com"), full_name="Amel Ben Ali")
    with pytest.raises(ExpertError) as refused:
        services.submit(profile)
    assert "RIB" in str(refused.value) and "carte d'identité" in str(refused.value)
    assert ExpertProfile.objects.get(pk=profile.pk).status == Status.DRAFT


def test_the_bank_account_is_stored_encrypted_and_shown_by_its_last_four_digits():
    profile = make_application(submitted=False)
    verification = Verification.objects.get(profile=profile)
    assert VALID_RIB not in verification.rib_encrypted
    assert verification.masked_rib == "•••• 9052" and verification.rib() == VALID_RIB


def test_identity_documents_are_encrypted_at_rest():
    profile = make_application(submitted=False)
    verification = Verification.objects.get(profile=profile)
    plain = document("front.png").read()
    stored = verification.cin_front.storage.inner
    with stored.open(verification.cin_front.name, "rb") as raw:
        assert raw.read()[:10] != plain[:10]
    with verification.cin_front.open("rb") as decrypted:
        assert decrypted.read() == plain


def test_a_wrong_rib_writes_nothing():
    profile = make_application(submitted=False)
    with pytest.raises(ValidationError):
        services.save_verification(profile, rib="08123000123456789053")
    assert Verification.objects.get(profile=profile).rib() == VALID_RIB


def test_vat_registration_needs_a_valid_matricule():
    profile = make_application(submitted=False)
    with pytest.raises(ValidationError):
        services.save_verification(profile, tax_option="vat", tax_id="12345/A")
    services.save_verification(profile, tax_option="vat", tax_id="1234567am000")
    verification = Verification.objects.get(profile=profile)
    assert (verification.tax_option, verification.tax_id) == ("vat", "1234567/A/M/000")


def test_approval_lists_the_expert_and_tells_them(admin, django_capture_on_commit_callbacks, mailoutbox):
    profile = make_application()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(profile, by=admin)
    profile.refresh_from_db()
    assert profile.status == Status.APPROVED and ExpertProfile.objects.listed().filter(pk=profile.pk).exists()
    assert profile.verification.payout_status == Verification.Payout.APPROVED
    assert ReviewDecision.objects.get(profile=profile).decided_by == admin
    assert Notification.objects.filter(recipient=profile.user, event=notices.APPROVED).count() == 1
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [profile.user.email]


@pytest.mark.parametrize(
    ("decide", "status", "event"),
    [
        (services.reject, Status.REJECTED, notices.REJECTED),
        (services.request_changes, Status.CHANGES_REQUESTED, notices.CHANGES_REQUESTED),
    ],
)
def test_refusals_carry_their_reason_to_the_expert(
    admin, decide, status, event, django_capture_on_commit_callbacks
):
    profile = make_application()
    with django_capture_on_commit_callbacks(execute=True):
        decide(profile, by=admin, reason="La photo de la CIN est floue.")
    profile.refresh_from_db()
    assert profile.status == status and profile.review_note == "La photo de la CIN est floue."
    assert not ExpertProfile.objects.listed().filter(pk=profile.pk).exists()
    notice = Notification.objects.get(recipient=profile.user, event=event)
    assert "La photo de la CIN est floue." in notice.body


def test_a_refusal_without_a_reason_is_refused(admin):
    profile = make_application()
    with pytest.raises(ExpertError):
        services.reject(profile, by=admin, reason="  ")
    assert ExpertProfile.objects.get(pk=profile.pk).status == Status.SUBMITTED


def test_only_a_submitted_application_is_decided(admin):
    draft = make_application(submitted=False)
    with pytest.raises(ExpertError):
        services.approve(draft, by=admin)
    approved = make_expert(email="other@example.com", admin=admin)
    with pytest.raises(ExpertError):
        services.reject(approved, by=admin, reason="Trop tard")


def test_after_changes_requested_the_expert_sends_again(admin):
    profile = make_application()
    services.request_changes(profile, by=admin, reason="Ajoutez une bio en arabe.")
    services.update_profile(profile, bio_ar="مستشارة في المالية الشخصية.")
    assert services.submit(profile).status == Status.SUBMITTED


def test_a_bank_change_after_approval_sends_only_payouts_back_to_review(admin):
    # given an approved expert
    profile = make_expert(admin=admin)
    # when they give another bank account
    services.save_verification(profile, rib=valid_rib("101230009876543210"))
    # then the payout details wait for review, the expert stays listed
    profile.refresh_from_db()
    assert profile.verification.payout_status == Verification.Payout.PENDING
    assert ExpertProfile.objects.listed().filter(pk=profile.pk).exists()
    # and an admin approves them
    services.approve_payout_details(profile, by=admin)
    assert Verification.objects.get(profile=profile).payout_status == Verification.Payout.APPROVED


def test_a_tax_change_after_approval_goes_back_to_review_too(admin):
    profile = make_expert(admin=admin)
    services.save_verification(profile, tax_option="vat", tax_id="1234567/A/M/000")
    assert Verification.objects.get(profile=profile).payout_status == Verification.Payout.PENDING


def test_saving_the_same_bank_account_again_changes_nothing(admin):
    profile = make_expert(admin=admin)
    services.save_verification(profile, rib=VALID_RIB, tax_option="withholding")
    assert Verification.objects.get(profile=profile).payout_status == Verification.Payout.APPROVED


def test_decisions_and_verification_changes_are_in_the_audit_trail(admin):
    profile = make_expert(admin=admin)
    services.save_verification(profile, rib=valid_rib("101230009876543210"))
    assert VerificationEvent.objects.filter(pgh_obj=profile.verification).count() >= 2
    statuses = list(ExpertProfileEvent.objects.filter(pgh_obj=profile).values_list("status", flat=True))
    assert "submitted" in statuses and "approved" in statuses
