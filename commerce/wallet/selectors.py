"""Reads of the coin ledger: a user's balance, history and holds, and the reconciliation.

The wallet pages, the API and the dashboard read through these, so they always agree.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from .models import Account, Entry, Hold, Transaction

MILLIME = Decimal("0.001")


def coin_value():
    """What one coin is worth in TND, to the millime (``Decimal("0.500")``)."""
    return (Decimal(settings.WALLET_COIN_MILLIMES) / 1000).quantize(MILLIME)


def coins_in_tnd(coins):
    """The TND value of ``coins``, to the millime."""
    return (coin_value() * coins).quantize(MILLIME)


def available_coins(user):
    """The coins a user can spend now (0 before their wallet exists), in one query: the header
    shows it on every page."""
    balance = (
        Account.objects.filter(kind=Account.Kind.WALLET, user=user).values_list("balance", flat=True).first()
    )
    return (balance or 0) // settings.WALLET_COIN_MILLIMES


def wallet_summary(user):
    """``(coins, held_coins)``: what the user can spend now, and what waits on holds."""
    held = (
        Hold.objects.filter(
            wallet__user=user, wallet__kind=Account.Kind.WALLET, status=Hold.Status.PENDING
        ).aggregate(total=Sum("coins"))["total"]
        or 0
    )
    return available_coins(user), held


def entries_for(user, *, kind=None, since=None, until=None):
    """The user's wallet history, newest first: entries with their transaction.

    ``kind``: a ``Transaction.Kind`` value (or a list of them); ``since``/``until``: dates,
    both included, in the site's time zone. ``entry.coins`` is signed (+ in, − out).
    """
    entries = (
        Entry.objects.filter(account__user=user, account__kind=Account.Kind.WALLET)
        .select_related("transaction", "transaction__hold")
        .order_by("-transaction__created_at", "-pk")
    )
    if kind:
        entries = entries.filter(transaction__kind__in=[kind] if isinstance(kind, str) else kind)
    if since:
        entries = entries.filter(transaction__created_at__date__gte=since)
    if until:
        entries = entries.filter(transaction__created_at__date__lte=until)
    return entries


def holds_for(user, *, status=None):
    """The user's holds, newest first (``status``: a ``Hold.Status`` value to keep only those)."""
    holds = Hold.objects.filter(wallet__user=user, wallet__kind=Account.Kind.WALLET)
    if status:
        holds = holds.filter(status=status)
    return holds


@dataclass
class Report:
    """What ``reconcile`` checked and every violation it found (messages for platform admins)."""

    transactions: int = 0
    accounts: int = 0
    holds: int = 0
    violations: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.violations

    def summary(self):
        return summary_text(self.transactions, self.accounts, self.holds, len(self.violations))


def summary_text(transactions, accounts, holds, violations):
    """The reconciliation's one-line summary, in the active language."""
    return _(
        "%(transactions)d transactions, %(accounts)d accounts, %(holds)d holds checked: "
        "%(violations)d violations."
    ) % {"transactions": transactions, "accounts": accounts, "holds": holds, "violations": violations}


def reconcile():
    """Check the whole ledger (``manage.py wallet_check``, nightly by beat); returns a ``Report``.

    Every transaction balances; every account's balance (its row plus, for the platform's, its
    parts) equals the sum of its entries; no wallet or
    escrow is negative and every wallet holds whole coins; every hold was opened once with matching
    entries and resolved at most once (never while pending) with entries that match its outcome;
    escrow holds exactly the coins of the pending holds.

    Its queries read one snapshot of the books (a read-only REPEATABLE READ transaction), so coins
    moving while it runs cannot look like a violation. Inside an open transaction it reads that.
    """
    if connection.in_atomic_block:
        return _reconcile()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return _reconcile()


def _reconcile():
    coin = settings.WALLET_COIN_MILLIMES
    report = Report(
        transactions=Transaction.objects.count(), accounts=Account.objects.count(), holds=Hold.objects.count()
    )
    problems = report.violations
    unbalanced = Entry.objects.values("transaction").annotate(total=Sum("amount")).exclude(total=0).order_by()
    for row in unbalanced:
        problems.append(
            _("Transaction #%(id)s does not balance (%(total)+d millimes).")
            % {"id": row["transaction"], "total": row["total"]}
        )
    accounts = Account.objects.with_current_balance()
    drifted = accounts.annotate(total=Coalesce(Sum("entries__amount"), 0)).exclude(current_balance=F("total"))
    for account in drifted:
        problems.append(
            _("Account %(account)s (#%(id)s) shows %(balance)d millimes, its entries sum to %(total)d.")
            % {
                "account": account,
                "id": account.pk,
                "balance": account.current_balance,
                "total": account.total,
            }
        )
    for account in accounts.filter(kind__in=Account.FUNDED_KINDS, current_balance__lt=0):
        problems.append(
            _("Account %(account)s (#%(id)s) is negative.") % {"account": account, "id": account.pk}
        )
    for account in (
        Account.objects.filter(kind=Account.Kind.WALLET).annotate(rest=F("balance") % coin).exclude(rest=0)
    ):
        problems.append(_("Wallet #%(id)s is not whole coins.") % {"id": account.pk})
    for hold_id, problem in _hold_problems(coin):
        problems.append(_("Hold #%(id)s: %(problem)s") % {"id": hold_id, "problem": problem})
    escrow = accounts.filter(kind=Account.Kind.ESCROW).values_list("current_balance", flat=True).first() or 0
    pending = Hold.objects.filter(status=Hold.Status.PENDING).aggregate(total=Sum("coins"))["total"] or 0
    if escrow != pending * coin:
        problems.append(
            _("Escrow holds %(escrow)d millimes, the pending holds %(pending)d.")
            % {"escrow": escrow, "pending": pending * coin}
        )
    return report


#: Per hold: its opening and resolution transactions and their legs, only the holds that disagree.
_HOLDS_SQL = """
WITH legs AS (
    SELECT h.id, h.status, h.coins, h.captured_coins,
        COUNT(DISTINCT t.id) FILTER (WHERE t.kind = 'hold') AS opened,
        COUNT(DISTINCT t.id) FILTER (WHERE t.kind IN ('capture', 'void', 'expire')) AS resolved,
        MIN(t.kind) FILTER (WHERE t.kind IN ('capture', 'void', 'expire')) AS outcome,
        COALESCE(SUM(e.amount) FILTER (WHERE t.kind = 'hold' AND a.kind = 'escrow'), 0) AS open_escrow,
        COALESCE(SUM(e.amount) FILTER (WHERE t.kind = 'hold' AND a.id = h.wallet_id), 0) AS open_wallet,
        COALESCE(SUM(e.amount) FILTER (WHERE t.kind <> 'hold' AND a.kind = 'escrow'), 0) AS close_escrow,
        COALESCE(SUM(e.amount) FILTER (WHERE t.kind <> 'hold' AND a.id = h.wallet_id), 0) AS close_wallet,
        COALESCE(SUM(e.amount) FILTER (WHERE t.kind <> 'hold' AND a.kind IN ('earnings', 'revenue')), 0)
            AS close_spent
    FROM wallet_hold h
    LEFT JOIN wallet_transaction t ON t.hold_id = h.id
    LEFT JOIN wallet_entry e ON e.transaction_id = t.id
    LEFT JOIN wallet_account a ON a.id = e.account_id
    GROUP BY h.id
)
SELECT * FROM legs
WHERE opened <> 1 OR open_escrow <> coins * %(coin)s OR open_wallet <> -coins * %(coin)s
   OR (status = 'pending' AND resolved <> 0)
   OR (status <> 'pending' AND (
        resolved <> 1
        OR outcome <> CASE status WHEN 'captured' THEN 'capture' WHEN 'voided' THEN 'void' ELSE 'expire' END
        OR close_escrow <> -coins * %(coin)s
        OR close_wallet <> (coins - captured_coins) * %(coin)s
        OR close_spent <> captured_coins * %(coin)s))
ORDER BY id
"""


def _hold_problems(coin):
    with connection.cursor() as cursor:
        cursor.execute(_HOLDS_SQL, {"coin": coin})
        columns = [column.name for column in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        if row["opened"] != 1:
            yield row["id"], _("opened %(count)d times.") % {"count": row["opened"]}
        elif row["resolved"] > 1:
            yield row["id"], _("resolved %(count)d times.") % {"count": row["resolved"]}
        elif row["status"] == Hold.Status.PENDING and row["resolved"]:
            yield row["id"], _("pending but already resolved.")
        else:
            yield (
                row["id"],
                _("its entries do not match its outcome (%(status)s).") % {"status": row["status"]},
            )
