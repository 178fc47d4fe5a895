"""State changes of payout requests: ask, approve, reject, mark paid; the bank batch; statements.

Each runs in one transaction with the request's row locked (two admins clicking at once end in one
outcome). The expert is told through ``notify()`` after commit. Only marking a request paid moves
money: ``wallet.services.record_payout`` with ``withhold_tax`` when the expert chose withholding at
source (tax option 2), keyed by the request, so a retried click records the payout once.

The minimum is in TND (``PAYOUTS_MINIMUM_TND``), not coins: earnings are millimes (an expert earns
400 millimes a coin), and what the minimum protects against is bank-transfer fees, counted in TND.
"""

import csv
import io

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from commerce.experts.models import ExpertProfile, Verification
from commerce.wallet import services as wallet
from commerce.wallet.exceptions import WalletError

from . import notices, selectors
from .exceptions import PayoutError
from .models import BankExport, PayoutRequest

Status = PayoutRequest.Status


def _payable_verification(user):
    """The expert's verification if they may be paid: approved profile, bank details approved."""
    verification = selectors.verification_of(user)
    if verification is None or verification.profile.status != ExpertProfile.Status.APPROVED:
        raise PayoutError(_("Only approved experts can ask for a payout."))
    if verification.payout_status != Verification.Payout.APPROVED or not verification.rib_encrypted:
        raise PayoutError(_("Your bank details must be approved before a payout."))
    return verification


def request_payout(user, millimes):
    """Ask for ``millimes`` of the earnings to be transferred; returns the ``PayoutRequest``."""
    if isinstance(millimes, bool) or not isinstance(millimes, int) or millimes <= 0:
        raise PayoutError(_("Enter an amount greater than zero."))
    minimum = selectors.minimum_millimes()
    if millimes < minimum:
        raise PayoutError(_("The minimum payout is %(minimum)s TND.") % {"minimum": notices.tnd(minimum)})
    _payable_verification(user)
    available = selectors.available_millimes(user)
    if millimes > available:
        raise PayoutError(
            _("You can ask for at most %(available)s TND.") % {"available": notices.tnd(available)}
        )
    try:
        with transaction.atomic():
            request = PayoutRequest.objects.create(expert=user, millimes=millimes)
            notices.tell(request, notices.REQUESTED)
    except IntegrityError:
        raise PayoutError(_("You already have a payout request in progress.")) from None
    return request


def _locked(request, *allowed):
    request = PayoutRequest.objects.select_for_update().select_related("expert").get(pk=request.pk)
    if request.status not in allowed:
        raise PayoutError(
            _("This request is %(status)s: it cannot be changed so.")
            % {"status": request.get_status_display()}
        )
    return request


@transaction.atomic
def approve(request, *, by):
    request = _locked(request, Status.REQUESTED)
    _payable_verification(request.expert)
    request.status, request.decided_by, request.decided_at = Status.APPROVED, by, timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    notices.tell(request, notices.APPROVED)
    return request


@transaction.atomic
def reject(request, *, by, reason):
    reason = (reason or "").strip()
    if not reason:
        raise PayoutError(_("Write the reason the expert will read."))
    request = _locked(request, Status.REQUESTED, Status.APPROVED)
    request.status, request.reason = Status.REJECTED, reason
    request.decided_by, request.decided_at = by, timezone.now()
    request.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    notices.tell(request, notices.REJECTED, reason=reason)
    return request


@transaction.atomic
def mark_paid(request, *, by):
    """The transfer was made: record the payout in the ledger (withholding 15 % for option 2)."""
    request = _locked(request, Status.APPROVED)
    verification = _payable_verification(request.expert)
    try:
        record = wallet.record_payout(
            request.expert,
            request.millimes,
            withhold_tax=verification.tax_option == Verification.Tax.WITHHOLDING,
            key=f"payout-request-{request.pk}",
            memo=f"Payout request #{request.pk}",
            created_by=by,
        )
    except WalletError as refusal:
        raise PayoutError(str(refusal)) from refusal
    withheld = (
        record.entries.filter(account__kind="tax_withheld").values_list("amount", flat=True).first() or 0
    )
    request.status, request.transaction, request.withheld_millimes = Status.PAID, record, withheld
    request.paid_at = timezone.now()
    request.save(update_fields=["status", "transaction", "withheld_millimes", "paid_at"])
    notices.tell(request, notices.PAID, net=notices.tnd(request.net_millimes))
    return request


#: Characters that make a spreadsheet read a cell as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """A text cell that a spreadsheet shows as text, never runs as a formula."""
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


#: Columns of the bank-transfer batch.
CSV_HEADER = ("request", "expert", "email", "rib", "amount_tnd", "requested_at")


@transaction.atomic
def export_bank_batch(*, by):
    """The CSV of approved requests with full account numbers, recorded as a ``BankExport`` (who,
    when, which requests). Account numbers are decrypted here only."""
    requests = selectors.approved_for_transfer()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for request in requests:
        profile = request.expert.expert_profile
        writer.writerow(
            (
                request.pk,
                _cell(profile.full_name),
                _cell(request.expert.email),
                profile.verification.rib(),
                notices.tnd(request.millimes),
                request.requested_at.isoformat(),
            )
        )
    BankExport.objects.create(exported_by=by, request_ids=[request.pk for request in requests])
    return out.getvalue()
