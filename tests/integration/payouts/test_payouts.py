"""Payout requests: above the minimum, one open at a time (also when two arrive at once), approved
then marked paid by a platform admin, which records the payout and the 15 % withholding in the
ledger; the bank batch; the expert told at each step."""

import csv
import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from commerce.experts import services as experts
from commerce.notifications.models import Notification
from commerce.payouts import services
from commerce.payouts.exceptions import PayoutError
from commerce.payouts.models import BankExport, PayoutRequest
from commerce.wallet import services as wallet
from commerce.wallet.models import Account
from commerce.wallet.selectors import reconcile
from tests.factories import make_user
from tests.factories.experts import VALID_RIB, make_expert, valid_rib
from tests.factories.wallet import run_together, wallet_with

pytestmark = pytest.mark.django_db


def platform(kind):
    return Account.objects.with_current_balance().get(kind=kind, user=None).current_balance


def test_request_approve_and_pay_records_the_withholding_in_the_ledger(
    expert, admin, consult, django_capture_on_commit_callbacks
):
    # given: 250 coins of consultations → 100.000 TND earned
    consult(expert, 250)
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_payout(expert, 80_000)
        services.approve(request, by=admin)
        paid = services.mark_paid(request, by=admin)

    # then: 15 % of 80.000 withheld, 68.000 transferred, 20.000 still available
    assert paid.status == PayoutRequest.Status.PAID and paid.withheld_millimes == 12_000
    assert platform("tax_withheld") == 12_000 and platform("payouts") == 68_000
    assert Account.objects.get(kind="earnings", user=expert).balance == 20_000
    assert paid.transaction.kind == "payout"
    assert reconcile().ok
    call_command("wallet_check")
    events = list(Notification.objects.filter(recipient=expert).values_list("event", flat=True))
    assert sorted(events) == ["payouts.approved", "payouts.paid", "payouts.requested"]


def test_a_vat_registered_expert_is_paid_without_withholding(admin, consult):
    profile = make_expert("vat@example.com", "Karim VAT", admin=admin)
    experts.save_verification(profile, tax_option="vat", tax_id="1234567/A/M/000")
    experts.approve_payout_details(profile, by=admin)
    consult(profile.user, 200)

    request = services.request_payout(profile.user, 60_000)
    services.approve(request, by=admin)
    paid = services.mark_paid(request, by=admin)

    assert paid.withheld_millimes == 0 and platform("payouts") == 60_000
    assert reconcile().ok


def test_below_the_minimum_or_above_the_earnings_nothing_is_requested(expert, consult, settings):
    settings.PAYOUTS_MINIMUM_TND = "50.000"
    consult(expert, 200)  # 80.000 TND

    with pytest.raises(PayoutError, match="paiement minimum est de 50.000"):
        services.request_payout(expert, 49_999)
    with pytest.raises(PayoutError, match="au plus 80.000"):
        services.request_payout(expert, 80_001)
    assert not PayoutRequest.objects.exists()


def test_one_open_request_at_a_time_and_the_database_refuses_a_second(expert, consult):
    consult(expert, 300)
    services.request_payout(expert, 50_000)

    with pytest.raises(PayoutError, match="déjà une demande de paiement"):
        services.request_payout(expert, 60_000)
    with pytest.raises(IntegrityError):
        PayoutRequest.objects.create(expert=expert, millimes=60_000)


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_end_in_one():
    profile = make_expert("race@example.com", "Race Expert")
    buyer = make_user("buyer@example.com")
    wallet_with(buyer, 300)
    wallet.capture(wallet.hold(buyer, 300, reference="Call", key="race-call"), earner=profile.user)

    results = run_together(2, lambda index: services.request_payout(profile.user, 50_000 + index))

    assert sum(isinstance(result, PayoutRequest) for result in results) == 1
    assert sum(isinstance(result, PayoutError) for result in results) == 1
    assert PayoutRequest.objects.filter(expert=profile.user).count() == 1


def test_bank_details_waiting_for_review_block_the_payout(expert, expert_profile, admin, consult):
    consult(expert, 300)
    request = services.request_payout(expert, 50_000)
    services.approve(request, by=admin)
    # the expert changes bank account: the payout part goes back to review
    experts.save_verification(expert_profile, rib=valid_rib("081230009876543210"))

    with pytest.raises(PayoutError, match="coordonnées bancaires doivent être approuvées"):
        services.mark_paid(request, by=admin)
    assert Account.objects.get(kind="earnings", user=expert).balance == 120_000


def test_a_rejection_needs_a_reason_and_frees_the_expert_to_ask_again(expert, admin, consult):
    consult(expert, 300)
    request = services.request_payout(expert, 50_000)
    with pytest.raises(PayoutError):
        services.reject(request, by=admin, reason="  ")
    services.reject(request, by=admin, reason="RIB au nom d'un tiers")

    assert PayoutRequest.objects.get(pk=request.pk).reason == "RIB au nom d'un tiers"
    assert services.request_payout(expert, 50_000).status == PayoutRequest.Status.REQUESTED


def test_marking_paid_twice_records_one_payout(expert, admin, consult):
    consult(expert, 300)
    request = services.request_payout(expert, 50_000)
    services.approve(request, by=admin)
    services.mark_paid(request, by=admin)

    with pytest.raises(PayoutError):
        services.mark_paid(request, by=admin)
    assert platform("payouts") + platform("tax_withheld") == 50_000


def test_the_bank_batch_has_full_account_numbers_and_each_export_is_recorded(expert, admin, consult):
    consult(expert, 300)
    request = services.request_payout(expert, 50_000)
    services.approve(request, by=admin)

    rows = list(csv.reader(io.StringIO(services.export_bank_batch(by=admin))))

    assert rows[0] == list(services.CSV_HEADER)
    assert rows[1][0] == str(request.pk) and rows[1][3] == VALID_RIB and rows[1][4] == "50.000"
    export = BankExport.objects.get()
    assert export.exported_by == admin and export.request_ids == [request.pk]


def test_a_name_written_as_a_formula_stays_text_in_the_bank_batch(admin, consult):
    profile = make_expert("formula@example.com", '=HYPERLINK("http://evil.example","x")', admin=admin)
    consult(profile.user, 300)
    services.approve(services.request_payout(profile.user, 50_000), by=admin)

    rows = list(csv.reader(io.StringIO(services.export_bank_batch(by=admin))))

    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","x")'
