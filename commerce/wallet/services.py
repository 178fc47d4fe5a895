"""Every change of the coin ledger: nothing else writes accounts, transactions, entries or holds.

Each public function runs in one database transaction (a savepoint inside a caller's; ``hold``,
``capture`` and ``void`` send a single statement, which outside a transaction is one on its own in
autocommit) and is idempotent on its ``key``: called again with the same key (a retried request, a
replayed webhook, a task run twice) it returns what the first call made and moves nothing. Keys are
unique in the database, so two calls racing with the same key also move money once (the second
waits on the unique index, then finds the first).

Races on balances are closed in the database: a user's leg that takes money (wallet, earnings)
is a conditional ``UPDATE … SET balance = balance + n WHERE balance >= -n``; a platform account's
leg is added to that account's part for the connection (``AccountPart``), so concurrent spends do
not queue on the escrow and revenue rows. The users' accounts are updated first, in primary-key
order, then the parts in account order, so concurrent transactions never deadlock and never
overdraw (escrow never gives back more than a hold put in: a hold resolves once, for at most its
coins). A hold resolves through a conditional ``UPDATE … WHERE status = 'pending'``: of a capture
and a void racing on one hold exactly one wins (the database also refuses a second resolution).

Amounts given to the public functions are coins (positive integers); the ledger stores millimes.
"""

import json
import logging
import uuid
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

import pghistory
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from commerce.core.prepared import prepared_cursor

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
from .models import Account, Hold, Transaction

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
    legs = {_platform(account_kind): -amount, _owned(Account.Kind.WALLET, user): amount}
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
    legs = {_owned(Account.Kind.WALLET, user): -amount, _platform(Account.Kind.CASH_IN): amount}
    return _post(Kind.REFUND, legs, key=key, memo=memo, reference=reference)


@transaction.atomic
def restore_refunded_coins(user, coins, *, key, memo, reference=""):
    """Give back coins taken by ``return_unspent_coins`` when the refund they were taken for failed."""
    amount = _millimes(coins)
    legs = {_platform(Account.Kind.CASH_IN): -amount, _owned(Account.Kind.WALLET, user): amount}
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
        _owned(Account.Kind.EARNINGS, earner): -millimes,
        _platform(Account.Kind.PAYOUTS): millimes - withheld,
        _platform(Account.Kind.TAX_WITHHELD): withheld,
    }
    return _post(Kind.PAYOUT, legs, key=key, memo=memo, created_by=created_by)


# --- Holds --------------------------------------------------------------------------------------
#: Open a hold and post it (migration 0004): one statement, built once.
_HOLD_SQL = (
    "SELECT hold_id, wallet_id, balances"
    " FROM wallet_hold(%s::integer, %s::integer, %s, %s, %s::integer, %s, %s, %s, %s, %s::jsonb)"
)
#: Close a pending hold and post its resolution (migration 0004): one statement, built once.
_RESOLVE_SQL = "SELECT wallet_resolve(%s::integer, %s, %s::integer, %s::integer, %s, %s, %s, %s, %s::jsonb)"


def hold(user, coins, *, reference, key, expires_at=None, subject=None):
    """Move ``coins`` from ``user``'s wallet to escrow until what they pay for happens; returns the
    ``Hold`` (the same one for the same ``key``). Raises ``InsufficientCoins``, or ``KeyReused``
    when ``key`` already names a hold of another wallet.

    ``reference``: what the coins pay for, shown to the shopper; ``subject``: optionally the object
    itself (a message, a booking). ``expires_at``: default now + ``WALLET_HOLD_TTL_HOURS``; beat
    gives the coins back after it (``expire_due_holds``) unless the hold was resolved before.

    One statement (the database function ``wallet_hold`` inserts the hold, finding or opening the
    wallet, and posts it), sent as raw SQL: on the spend path the ORM building an INSERT cost more
    than the database running it.
    """
    amount = _millimes(coins)
    now = timezone.now()
    expires_at = expires_at or now + timedelta(hours=settings.WALLET_HOLD_TTL_HOURS)
    new = Hold(
        coins=coins, expires_at=expires_at, reference=reference[:255], idempotency_key=key, created_at=now
    )
    if subject is not None:
        new.subject_type = ContentType.objects.get_for_model(subject)
        new.subject_id = str(subject.pk)
    legs = {_owned(Account.Kind.WALLET, user): -amount, _platform(Account.Kind.ESCROW): amount}
    ordered, payload = _payload(legs, key)
    params = [user.pk, coins, expires_at, new.reference, new.subject_type_id, new.subject_id, key, now]
    with _atomic_in_transaction():
        hold_id, wallet_id, balances = _call(_HOLD_SQL, [*params, f"hold-open:{key}", payload], ordered, legs)
    if hold_id is None:
        existing = Hold.objects.select_related("wallet").get(idempotency_key=key)  # asked before
        if existing.wallet.user_id != user.pk:
            raise KeyReused
        return existing
    new.pk, new.wallet_id = hold_id, wallet_id
    new._state.adding = False
    if balances[0] // settings.WALLET_COIN_MILLIMES < settings.WALLET_LOW_BALANCE_COINS:
        transaction.on_commit(partial(reminders.remind_if_low, user), robust=True)
    return new


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
        _owned(Account.Kind.EARNINGS, earner): earned,
        _platform(Account.Kind.REVENUE): kept,
    }
    with _atomic_in_transaction():
        return _resolve(
            hold, Hold.Status.CAPTURED, Kind.CAPTURE, legs, key=key, captured_coins=coins, earner=earner
        )


def void(hold, *, key=None):
    """Give all the hold's coins back to the wallet (what they paid for did not happen)."""
    with _atomic_in_transaction():
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
class _Leg:
    """A leg on the account of ``kind`` owned by user ``user_id`` (``None``: the platform's), found
    (or opened) by the database when its balance is updated: no look-up beforehand."""

    kind: str
    user_id: int | None = None


def _platform(kind):
    return _Leg(kind)


def _owned(kind, user):
    return _Leg(kind, user.pk)


def _account(kind, user):
    return Account.objects.get_or_create(kind=kind, user=user)[0]


def _wallet_of_hold(hold):
    """The hold's wallet, without loading it (only its id and kind are needed)."""
    return Account(pk=hold.wallet_id, kind=Account.Kind.WALLET)


# --- The two primitives: post a balanced transaction, resolve a hold ---------------------------
def _post(kind, legs, *, key, memo="", reference="", created_by=None, hold=None):
    """Record one transaction of ``legs`` ({account: millimes}) and update the cached balances;
    returns the transaction (the first call's for a key used before)."""
    options = {"memo": memo, "reference": reference, "created_by": created_by, "hold": hold}
    return _post_legs(kind, legs, key=key, **options)[0]


def _post_legs(kind, legs, *, key, memo="", reference="", created_by=None, hold=None):
    """``_post``, also returning each leg's new balance ({leg: millimes}; a platform account's is
    ``None``, its balance being spread over parts; empty when the key was used before).

    Must run inside a transaction. One round trip: the database function ``wallet_post``
    (migration 0003, where its steps are written down) writes the transaction row first
    (``INSERT … ON CONFLICT DO NOTHING`` on its key: a concurrent call with the same key waits on
    the unique index, then returns the first call's transaction unchanged), updates the balances in
    one global order (so concurrent transactions cannot deadlock; a funded account never goes below
    zero) and writes the entries. A refused leg raises here, which rolls the transaction back.
    """
    ordered, payload = _payload(legs, key)
    with prepared_cursor() as cursor:
        cursor.execute(
            "SELECT posted, refused, balances"
            " FROM wallet_post(%s, %s, %s, %s, %s::integer, %s::integer, %s::jsonb)",
            [
                kind,
                key,
                memo[:255],
                reference[:255],
                getattr(created_by, "pk", None),
                getattr(hold, "pk", None),
                payload,
            ],
        )
        posted, refused, balances = cursor.fetchone()
    if posted is None:
        existing = Transaction.objects.get(idempotency_key=key)
        if hold is not None and existing.hold_id != hold.pk:
            raise KeyReused
        return _same_operation(existing, kind), {}
    if refused is not None:
        leg = ordered[refused]
        _refuse(leg.kind, legs[leg], balances[0] or 0)
    record = _transaction(posted, kind, key, memo=memo, reference=reference, created_by=created_by, hold=hold)
    return record, dict(zip(ordered, balances, strict=True))


def _payload(legs, key):
    """The legs that move something, in a fixed order, and their JSON for the database functions."""
    if sum(legs.values()) != 0:
        raise ValueError(f"unbalanced legs for {key}: {legs}")
    ordered = [leg for leg, amount in legs.items() if amount]
    payload = [
        {"amount": legs[leg], "funded": leg.kind in Account.FUNDED_KINDS}
        | ({"id": leg.pk} if isinstance(leg, Account) else {"kind": leg.kind, "user": leg.user_id})
        for leg in ordered
    ]
    return ordered, json.dumps(payload)


def _transaction(pk, kind, key, *, memo="", reference="", created_by=None, hold=None):
    """The ``Transaction`` a database function just wrote, without reading it back."""
    record = Transaction(
        pk=pk,
        kind=kind,
        idempotency_key=key,
        memo=memo[:255],
        reference=reference[:255],
        created_by=created_by,
        hold=hold,
    )
    record._state.adding = False
    return record


def _atomic_in_transaction():
    """The transaction of a service that sends one statement (``wallet_hold``, ``wallet_resolve``).

    Outside a transaction none is opened: in autocommit the statement commits alone, all of it or
    nothing, which saves the BEGIN and COMMIT round trips and releases the escrow row's lock as
    soon as the statement ends. Inside a caller's transaction a savepoint, as ``transaction.atomic``
    always gave: a refusal undoes the service's writes and the caller's transaction goes on (or
    rolls back as a whole, the service's writes with it).
    """
    if connection.in_atomic_block or not connection.get_autocommit():
        return transaction.atomic()
    return nullcontext()


def _call(sql, params, ordered, legs):
    """Run one of the hold functions; its first row. Their refusals (SQLSTATE 23W01: leg ``i`` would
    go below zero; 23W02: the key is taken) become the services' exceptions."""
    try:
        with prepared_cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()
    except IntegrityError as error:
        state = getattr(error.__cause__, "sqlstate", None)
        if state == "23W02":
            raise KeyReused from None
        if state == "23W01":
            refused, balance = map(int, error.__cause__.diag.message_detail.split())
            leg = ordered[refused]
            _refuse(leg.kind, legs[leg], balance)
        raise


def _refuse(kind, amount, available):
    if kind == Account.Kind.EARNINGS:
        raise InsufficientEarnings(needed=-amount, available=available)
    coin = settings.WALLET_COIN_MILLIMES
    raise InsufficientCoins(needed=-amount // coin, available=available // coin)


def _resolve(hold, status, kind, legs, *, key=None, captured_coins=0, earner=None):
    """Close a pending hold once and post its resolution transaction, in one statement
    (``wallet_resolve``; the caller provides the transaction or savepoint).

    ``key`` is looked up only when the hold was not pending (a retry finds its transaction); a key
    already used for another transaction is refused by the database, which undoes the closing."""
    now = timezone.now()
    post_key = key or f"hold-{hold.pk}-{kind}"
    ordered, payload = _payload(legs, post_key)
    earner_id = getattr(earner, "pk", None)
    params = [hold.pk, status, captured_coins, earner_id, now, kind, post_key, hold.reference[:255], payload]
    (posted,) = _call(_RESOLVE_SQL, params, ordered, legs)
    if posted is None:
        if key and (existing := Transaction.objects.filter(idempotency_key=key).first()):
            if existing.hold_id != hold.pk:
                raise KeyReused
            return _same_operation(existing, kind)
        hold.refresh_from_db()
        if hold.status == status and key is None:
            return hold.transactions.get(kind__in=Transaction.RESOLUTIONS)
        raise HoldNotPending(hold)
    hold.status, hold.captured_coins, hold.earner, hold.resolved_at = status, captured_coins, earner, now
    return _transaction(posted, kind, post_key, reference=hold.reference, hold=hold)


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
