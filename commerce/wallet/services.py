"""Every change of the coin ledger: nothing else writes accounts, transactions, entries or holds.

Each public function runs in one database transaction and is idempotent on its ``key``: called
again with the same key (a retried request, a replayed webhook, a task run twice) it returns what
the first call made and moves nothing. Keys are unique in the database, so two calls racing with
the same key also move money once (the second waits on the unique index, then finds the first).

Races on balances are closed in the database: a wallet or escrow leg that takes money is a
conditional ``UPDATE … SET balance = balance + n WHERE balance >= -n``, and the accounts of one
transaction are updated in primary-key order, so concurrent transactions never deadlock and never
overdraw. A hold resolves through a conditional ``UPDATE … WHERE status = 'pending'``: of a capture
and a void racing on one hold exactly one wins (the database also refuses a second resolution).

Amounts given to the public functions are coins (positive integers); the ledger stores millimes.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

import pghistory
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from . import reminders
from .exceptions import (
    CaptureTooLarge,
    HoldNotPending,
    InsufficientCoins,
    InsufficientEarnings,
    InvalidAmount,
    InvalidCoins,
    KeyReused,
    ReasonRequired,
    UnknownSource,
)
from .models import Account, Entry, Hold, Transaction

log = logging.getLogger(__name__)

Kind = Transaction.Kind

#: Where coins credited to a wallet come from: ``credit_coins(source=…)``.
SOURCES = {
    "cash_in": (Account.Kind.CASH_IN, Kind.CASH_IN),
    "goodwill": (Account.Kind.GOODWILL, Kind.GOODWILL),
}


# --- Coins in and out ---------------------------------------------------------------------------
@transaction.atomic
def credit_coins(user, coins, *, source, key, memo, created_by=None, reference=""):
    """Add ``coins`` to ``user``'s wallet from ``source`` ("cash_in": a coin pack was paid;
    "goodwill": a grant or a promotion); returns the transaction (the same one for the same key)."""
    if source not in SOURCES:
        raise UnknownSource
    account_kind, kind = SOURCES[source]
    amount = _millimes(coins)
    legs = {_platform(account_kind): -amount, wallet_of(user): amount}
    return _post(kind, legs, key=key, memo=memo, reference=reference, created_by=created_by)


def grant_goodwill(user, coins, *, reason, granted_by, key=None):
    """Give ``coins`` to ``user`` from the goodwill account (support, platform admins), with the
    reason in the memo and the audit trail's context. Without ``key`` every call is a new grant."""
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired
    key = key or f"goodwill:{uuid.uuid4()}"
    with pghistory.context(
        action="wallet.grant_goodwill", reason=reason, granted_by=getattr(granted_by, "pk", None)
    ):
        return credit_coins(user, coins, source="goodwill", key=key, memo=reason[:255], created_by=granted_by)


@transaction.atomic
def return_unspent_coins(user, coins, *, key, memo, reference=""):
    """Take ``coins`` back from the wallet to coin sales (a coin pack is refunded); raises
    ``InsufficientCoins`` when the wallet no longer holds them (they were spent or are on hold)."""
    amount = _millimes(coins)
    legs = {wallet_of(user): -amount, _platform(Account.Kind.CASH_IN): amount}
    return _post(Kind.REFUND, legs, key=key, memo=memo, reference=reference)


@transaction.atomic
def restore_refunded_coins(user, coins, *, key, memo, reference=""):
    """Give back coins taken by ``return_unspent_coins`` when the refund they were taken for failed."""
    amount = _millimes(coins)
    legs = {_platform(Account.Kind.CASH_IN): -amount, wallet_of(user): amount}
    return _post(Kind.REFUND_FAILED, legs, key=key, memo=memo, reference=reference)


# --- Payouts (experts) --------------------------------------------------------------------------
@transaction.atomic
def record_payout(earner, millimes, *, withhold_tax, key, memo="", created_by=None):
    """Record that ``millimes`` of the earner's earnings were paid out (the bank transfer itself is
    made outside the ledger): they leave the earnings account for the payouts account, or, with
    ``withhold_tax``, ``WALLET_TAX_WITHHOLDING_PERCENT`` of them for the tax-withheld account.

    Rounding rule: withheld = ``floor(millimes * percent / 100)``, paid = the rest (to the millime).
    Raises ``InsufficientEarnings`` when the earnings hold less. Returns the transaction.
    """
    if isinstance(millimes, bool) or not isinstance(millimes, int) or millimes <= 0:
        raise InvalidAmount
    withheld = millimes * settings.WALLET_TAX_WITHHOLDING_PERCENT // 100 if withhold_tax else 0
    legs = {
        earnings_of(earner): -millimes,
        _platform(Account.Kind.PAYOUTS): millimes - withheld,
        _platform(Account.Kind.TAX_WITHHELD): withheld,
    }
    return _post(Kind.PAYOUT, legs, key=key, memo=memo, created_by=created_by)


# --- Holds --------------------------------------------------------------------------------------
@transaction.atomic
def hold(user, coins, *, reference, key, expires_at=None, subject=None):
    """Move ``coins`` from ``user``'s wallet to escrow until what they pay for happens; returns the
    ``Hold`` (the same one for the same ``key``). Raises ``InsufficientCoins``, or ``KeyReused``
    when ``key`` already names a hold of another wallet.

    ``reference``: what the coins pay for, shown to the shopper; ``subject``: optionally the object
    itself (a message, a booking). ``expires_at``: default now + ``WALLET_HOLD_TTL_HOURS``; beat
    gives the coins back after it (``expire_due_holds``) unless the hold was resolved before.
    """
    amount = _millimes(coins)
    wallet = wallet_of(user)
    expires_at = expires_at or timezone.now() + timedelta(hours=settings.WALLET_HOLD_TTL_HOURS)
    new = Hold(
        wallet=wallet, coins=coins, expires_at=expires_at, reference=reference[:255], idempotency_key=key
    )
    if subject is not None:
        new.subject_type = ContentType.objects.get_for_model(subject)
        new.subject_id = str(subject.pk)
    if not _insert_once(new):
        existing = Hold.objects.get(idempotency_key=key)  # asked before: that hold
        if existing.wallet_id != wallet.pk:
            raise KeyReused
        return existing
    legs = {wallet: -amount, _platform(Account.Kind.ESCROW): amount}
    _post(Kind.HOLD, legs, key=f"hold-open:{key}", reference=reference, hold=new)
    transaction.on_commit(partial(reminders.remind_if_low, user), robust=True)
    return new


@transaction.atomic
def capture(hold, *, coins=None, earner, key=None):
    """Spend ``coins`` of the hold (default: all): they go to ``earner``'s earnings and the
    platform's revenue, the rest of the hold goes back to the wallet. Returns the transaction.

    The captured millimes are divided by ``split`` (its docstring states the rounding rule).

    Resolves the hold once: a capture after a void or an expiry raises ``HoldNotPending``; the same
    capture asked again (same ``key``, or the hold already captured) returns the first transaction;
    a ``key`` already used for another hold raises ``KeyReused``.
    """
    coins = hold.coins if coins is None else coins
    _millimes(coins)
    if coins > hold.coins:
        raise CaptureTooLarge(coins, hold.coins)
    earned, kept = split(coins * settings.WALLET_COIN_MILLIMES)
    legs = {
        _platform(Account.Kind.ESCROW): -hold.coins * settings.WALLET_COIN_MILLIMES,
        _wallet_of_hold(hold): (hold.coins - coins) * settings.WALLET_COIN_MILLIMES,
        earnings_of(earner): earned,
        _platform(Account.Kind.REVENUE): kept,
    }
    return _resolve(
        hold, Hold.Status.CAPTURED, Kind.CAPTURE, legs, key=key, captured_coins=coins, earner=earner
    )


@transaction.atomic
def void(hold, *, key=None):
    """Give all the hold's coins back to the wallet (what they paid for did not happen)."""
    return _resolve(hold, Hold.Status.VOIDED, Kind.VOID, _back_to_wallet(hold), key=key)


def expire_due_holds(now=None, *, batch=500):
    """Give back the coins of pending holds past their expiry; returns how many expired.

    For beat: each hold expires in its own short transaction, locked ``FOR UPDATE SKIP LOCKED`` so
    two sweeps (or a sweep and a capture in flight) never wait on each other nor expire one twice.
    """
    now = now or timezone.now()
    due = list(
        Hold.objects.filter(status=Hold.Status.PENDING, expires_at__lte=now)
        .order_by("expires_at", "pk")
        .values_list("pk", flat=True)[:batch]
    )
    expired = 0
    for pk in due:
        with transaction.atomic():
            locked = (
                Hold.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("wallet")
                .filter(pk=pk, status=Hold.Status.PENDING, expires_at__lte=now)
                .first()
            )
            if locked is None:
                continue
            _resolve(locked, Hold.Status.EXPIRED, Kind.EXPIRE, _back_to_wallet(locked))
            expired += 1
    if expired:
        log.info("Expired %d coin holds", expired)
    return expired


def split(millimes):
    """``(earner, platform)`` shares of ``millimes`` captured, exact to the millime.

    Rounding rule (nothing lost, nothing made): the earner gets
    ``floor(millimes * WALLET_EXPERT_SHARE_PERCENT / 100)``, the platform the remainder. With
    500-millime coins and 80 % no rounding happens (400 + 100 millimes a coin).
    """
    earned = millimes * settings.WALLET_EXPERT_SHARE_PERCENT // 100
    return earned, millimes - earned


# --- Accounts -----------------------------------------------------------------------------------
def wallet_of(user):
    """The user's wallet account, opened (empty) on first use."""
    return _account(Account.Kind.WALLET, user)


def earnings_of(user):
    """The earner's earnings account, opened on first use (experts are paid out from it)."""
    return _account(Account.Kind.EARNINGS, user)


def escrow_account():
    """The platform's escrow account, where held coins wait."""
    return _account(Account.Kind.ESCROW, None)


@dataclass(frozen=True)
class _Platform:
    """A leg on the platform's account of ``kind``, found by its kind when its balance is updated
    (no look-up beforehand: these accounts take part in almost every transaction)."""

    kind: str


def _platform(kind):
    return _Platform(kind)


def _account(kind, user):
    return Account.objects.get_or_create(kind=kind, user=user)[0]


def _wallet_of_hold(hold):
    """The hold's wallet, without loading it (only its id and kind are needed)."""
    return Account(pk=hold.wallet_id, kind=Account.Kind.WALLET)


# --- The two primitives: post a balanced transaction, resolve a hold ---------------------------
def _post(kind, legs, *, key, memo="", reference="", created_by=None, hold=None):
    """Record one transaction of ``legs`` ({account: millimes}) and update the cached balances.

    Must run inside a transaction. The transaction row is written first (``INSERT … ON CONFLICT
    DO NOTHING`` on its key): a concurrent call with the same key waits on the unique index, then
    returns the first call's transaction unchanged. Balances are updated in one global order
    (users' accounts by id, then the platform's by kind), so concurrent transactions cannot
    deadlock, and the busy platform rows (escrow, revenue) come last: they stay locked only from
    their update to the commit. The entries are written last.
    """
    legs = {account: amount for account, amount in legs.items() if amount}
    if sum(legs.values()) != 0:
        raise ValueError(f"unbalanced legs for {key}: {legs}")
    record = Transaction(
        kind=kind,
        idempotency_key=key,
        memo=memo[:255],
        reference=reference[:255],
        created_by=created_by,
        hold=hold,
    )
    if not _insert_once(record):
        return _same_operation(Transaction.objects.get(idempotency_key=key), kind)
    ordered = sorted(legs, key=lambda leg: (0, leg.pk, "") if isinstance(leg, Account) else (1, 0, leg.kind))
    accounts = [
        _move(leg, legs[leg]) if isinstance(leg, Account) else _move_platform(leg.kind, legs[leg])
        for leg in ordered
    ]
    Entry.objects.bulk_create(
        [
            Entry(transaction=record, account_id=account, amount=legs[leg])
            for leg, account in zip(ordered, accounts, strict=True)
        ]
    )
    return record


def _insert_once(instance):
    """``INSERT`` the new row unless its ``idempotency_key`` exists; True when inserted (pk set).

    One statement instead of a savepoint around an insert that may fail on the unique key.
    """
    meta = instance._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    values = [field.get_db_prep_save(field.pre_save(instance, add=True), connection) for field in fields]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders}) "  # noqa: S608 - names from the model
    sql += f'ON CONFLICT ("idempotency_key") DO NOTHING RETURNING {quote(meta.pk.column)}'
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is None:
        return False
    instance.pk = row[0]
    instance._state.adding = False
    return True


def _move(account, amount):
    """Add ``amount`` to a user's account; a wallet or earnings never goes below zero. Its id."""
    accounts = Account.objects.filter(pk=account.pk)
    if amount < 0:
        accounts = accounts.filter(balance__gte=-amount)
    if not accounts.update(balance=F("balance") + amount):
        _refuse(account.kind, amount, Account.objects.values_list("balance", flat=True).get(pk=account.pk))
    return account.pk


def _move_platform(kind, amount):
    """Add ``amount`` to the platform's account of ``kind`` (opened on first use; escrow never goes
    below zero); returns its id."""
    with connection.cursor() as cursor:
        cursor.execute(
            'UPDATE "wallet_account" SET "balance" = "balance" + %s '
            'WHERE "kind" = %s AND "user_id" IS NULL AND ("balance" + %s >= 0 OR %s) RETURNING "id"',
            [amount, kind, amount, kind not in Account.FUNDED_KINDS],
        )
        row = cursor.fetchone()
    if row is not None:
        return row[0]
    account = _account(kind, None)  # opened now if it never was
    if amount < 0 and kind in Account.FUNDED_KINDS:
        _refuse(kind, amount, account.balance)
    return _move_platform(kind, amount)


def _refuse(kind, amount, available):
    if kind == Account.Kind.EARNINGS:
        raise InsufficientEarnings(needed=-amount, available=available)
    coin = settings.WALLET_COIN_MILLIMES
    raise InsufficientCoins(needed=-amount // coin, available=available // coin)


def _resolve(hold, status, kind, legs, *, key=None, captured_coins=0, earner=None):
    """Close a pending hold once (conditional UPDATE) and post its resolution transaction."""
    if key and (existing := Transaction.objects.filter(idempotency_key=key).first()):
        if existing.hold_id != hold.pk:
            raise KeyReused
        return _same_operation(existing, kind)
    now = timezone.now()
    closed = Hold.objects.filter(pk=hold.pk, status=Hold.Status.PENDING).update(
        status=status, captured_coins=captured_coins, earner=earner, resolved_at=now
    )
    if not closed:
        hold.refresh_from_db()
        if hold.status == status and key is None:
            return hold.transactions.get(kind__in=Transaction.RESOLUTIONS)
        raise HoldNotPending(hold)
    hold.status, hold.captured_coins, hold.earner, hold.resolved_at = status, captured_coins, earner, now
    return _post(kind, legs, key=key or f"hold-{hold.pk}-{kind}", reference=hold.reference, hold=hold)


def _back_to_wallet(hold):
    amount = hold.coins * settings.WALLET_COIN_MILLIMES
    return {_platform(Account.Kind.ESCROW): -amount, _wallet_of_hold(hold): amount}


def _same_operation(existing, kind):
    if existing.kind != kind:
        raise KeyReused
    return existing


def _millimes(coins):
    if isinstance(coins, bool) or not isinstance(coins, int) or coins <= 0:
        raise InvalidCoins
    return coins * settings.WALLET_COIN_MILLIMES
