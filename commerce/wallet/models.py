"""The coin ledger: accounts, transactions of balanced entries, and escrow holds.

Amounts are integer millimes (1 coin = ``settings.WALLET_COIN_MILLIMES``). An entry's amount is
signed: positive adds to its account's balance, negative takes from it; the entries of one
transaction sum to zero. A user's account caches the sum of its entries in ``Account.balance``,
updated in the same transaction as the entries (``services._post``). The platform's accounts
(escrow, revenue, …) take a leg of nearly every operation: one cached row each would make every
spend in the country wait for the one before it to commit. Their sum is spread over
``AccountPart`` rows instead (``Account.balance`` plus the parts, ``with_current_balance``), each
database connection writing its own part, so concurrent operations do not queue on them.

The database itself refuses what must never happen, whoever writes (the service layer, a shell,
raw SQL): an entry or a transaction cannot be updated or deleted, a transaction whose entries do
not sum to zero cannot commit (deferred constraint trigger), wallets, escrow and earnings cannot
go below zero, a user wallet holds whole coins, each user has one wallet, each earner one earnings
account, each platform account exists once, a hold is opened once and resolved at most once.
"""

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import ExpressionWrapper, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Mod
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

#: How many parts a platform account's balance is spread over (the modulus in ``wallet_post``,
#: migration 0005): more than the connections that post at once, so they seldom share one.
PLATFORM_ACCOUNT_PARTS = 16


class AccountQuerySet(models.QuerySet):
    def with_current_balance(self):
        """Annotate ``current_balance``: the sum of the account's entries (its ``balance``, plus its
        parts for the platform's accounts), in millimes; one query whatever the number of rows."""
        parts = (
            AccountPart.objects.filter(account=OuterRef("pk"))
            .order_by()
            .values("account")
            .annotate(total=Sum("balance"))
            .values("total")
        )
        return self.annotate(
            current_balance=ExpressionWrapper(
                F("balance") + Coalesce(Subquery(parts), Value(0)), output_field=models.BigIntegerField()
            )
        )


class Account(models.Model):
    """Where millimes sit. Users own a wallet (their coins) and, when they earn, an earnings
    account; the others are the platform's own, one of each kind."""

    class Kind(models.TextChoices):
        WALLET = "wallet", _("User wallet")
        ESCROW = "escrow", _("Escrow")
        EARNINGS = "earnings", _("Expert earnings")
        REVENUE = "revenue", _("Platform revenue")
        CASH_IN = "cash_in", _("Coin sales")
        GOODWILL = "goodwill", _("Goodwill and promotions")
        PAYOUTS = "payouts", _("Payouts")
        TAX_WITHHELD = "tax_withheld", _("Tax withheld")

    #: Kinds owned by a user (one each per user); every other kind is one platform account.
    USER_KINDS = (Kind.WALLET, Kind.EARNINGS)
    #: Kinds whose balance may never go below zero.
    FUNDED_KINDS = (Kind.WALLET, Kind.ESCROW, Kind.EARNINGS)

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="wallet_accounts",
        verbose_name=_("user"),
    )
    #: A user's account: the sum of its entries, in millimes. The platform's: the part of that sum
    #: not in its ``parts`` (``with_current_balance`` adds them; ``selectors.reconcile`` checks both).
    balance = models.BigIntegerField(_("balance (millimes)"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("wallet account")
        verbose_name_plural = _("wallet accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "user"], condition=Q(user__isnull=False), name="wallet_one_account_per_user"
            ),
            models.UniqueConstraint(
                fields=["kind"], condition=Q(user__isnull=True), name="wallet_one_platform_account"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["wallet", "earnings"], user__isnull=False)
                | (~Q(kind__in=["wallet", "earnings"]) & Q(user__isnull=True)),
                name="wallet_account_owner_matches_kind",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["wallet", "escrow", "earnings"]) | Q(balance__gte=0),
                name="wallet_funded_accounts_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(kind="wallet") | Q(Exact(Mod("balance", settings.WALLET_COIN_MILLIMES), 0)),
                name="wallet_holds_whole_coins",
            ),
        ]

    def __str__(self):
        if self.user_id:
            return f"{self.get_kind_display()} — {self.user}"
        return str(self.get_kind_display())

    @property
    def coins(self):
        """The balance in whole coins (a wallet's is always whole)."""
        return self.balance // settings.WALLET_COIN_MILLIMES


class AccountPart(models.Model):
    """A share of a platform account's balance (millimes), written by the database function
    ``wallet_post`` only: each connection adds its legs to part ``backend pid %
    PLATFORM_ACCOUNT_PARTS`` of the account, so two operations at once lock different rows. The
    account's entries remain its history; a part is a running sum and has no audit trail of its
    own."""

    account = models.ForeignKey(
        Account,
        on_delete=models.PROTECT,
        related_name="parts",
        db_index=False,  # wallet_one_row_per_part (account, part) serves its look-ups
    )
    part = models.PositiveSmallIntegerField()
    balance = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("platform account part")
        verbose_name_plural = _("platform account parts")
        constraints = [
            models.UniqueConstraint(fields=["account", "part"], name="wallet_one_row_per_part"),
            models.CheckConstraint(condition=Q(part__lt=PLATFORM_ACCOUNT_PARTS), name="wallet_part_in_range"),
        ]

    def __str__(self):
        return f"{self.account} [{self.part}]: {self.balance:+d}"


class Transaction(models.Model):
    """One movement of money between accounts: its entries sum to zero. ``idempotency_key`` is
    unique, so a retried request or a replayed webhook finds the transaction it already made."""

    class Kind(models.TextChoices):
        CASH_IN = "cash_in", _("Coins bought")
        GOODWILL = "goodwill", _("Coins granted")
        HOLD = "hold", _("Coins on hold")
        CAPTURE = "capture", _("Coins spent")
        VOID = "void", _("Hold cancelled")
        EXPIRE = "expire", _("Hold expired")
        REFUND = "refund", _("Coins refunded")
        REFUND_FAILED = "refund_failed", _("Refund failed, coins given back")
        PAYOUT = "payout", _("Payout")

    #: Kinds that resolve a hold (at most one per hold).
    RESOLUTIONS = (Kind.CAPTURE, Kind.VOID, Kind.EXPIRE)

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    memo = models.CharField(_("memo"), max_length=255, blank=True)
    #: What the money is for, readable by people (an order line, a message, a call).
    reference = models.CharField(_("reference"), max_length=255, blank=True)
    #: Unique (a constraint, not ``unique=True``: no second, pattern-matching index to maintain).
    idempotency_key = models.CharField(_("idempotency key"), max_length=200)
    hold = models.ForeignKey(
        "wallet.Hold",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transactions",
        verbose_name=_("hold"),
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        verbose_name = _("wallet transaction")
        verbose_name_plural = _("wallet transactions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["idempotency_key"], name="wallet_transaction_key_unique"),
            models.UniqueConstraint(
                fields=["hold"], condition=Q(kind="hold"), name="wallet_hold_opened_once"
            ),
            models.UniqueConstraint(
                fields=["hold"],
                condition=Q(kind__in=["capture", "void", "expire"]),
                name="wallet_hold_resolved_once",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["hold", "capture", "void", "expire"]) | Q(hold__isnull=False),
                name="wallet_hold_transactions_name_their_hold",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="transactions_immutable", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"


class Entry(models.Model):
    """One leg of a transaction: ``amount`` millimes added to (or, negative, taken from) an account.
    Never updated nor deleted; a mistake is corrected by a new transaction."""

    transaction = models.ForeignKey(
        Transaction,
        on_delete=models.PROTECT,
        related_name="entries",
        verbose_name=_("transaction"),
        db_index=False,  # wallet_one_entry_per_account (transaction, account) serves its look-ups
    )
    account = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="entries", verbose_name=_("account")
    )
    amount = models.BigIntegerField(_("amount (millimes)"))

    class Meta:
        verbose_name = _("wallet entry")
        verbose_name_plural = _("wallet entries")
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="wallet_entry_moves_something"),
            models.UniqueConstraint(fields=["transaction", "account"], name="wallet_one_entry_per_account"),
        ]
        triggers = [
            pgtrigger.Protect(name="entries_immutable", operation=pgtrigger.Update | pgtrigger.Delete),
            pgtrigger.Trigger(
                name="transaction_balances",
                when=pgtrigger.After,
                operation=pgtrigger.Insert,
                timing=pgtrigger.Deferred,
                func=pgtrigger.Func(
                    """
                    IF (SELECT COALESCE(SUM(amount), 0) FROM {meta.db_table}
                        WHERE {columns.transaction} = NEW.{columns.transaction}) <> 0 THEN
                        RAISE EXCEPTION 'wallet transaction % does not balance', NEW.{columns.transaction}
                            USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NULL;
                    """
                ),
            ),
        ]

    def __str__(self):
        return f"{self.account}: {self.amount:+d}"

    @property
    def coins(self):
        """The amount in coins (whole for wallet entries)."""
        return self.amount / settings.WALLET_COIN_MILLIMES


class Hold(models.Model):
    """Coins moved from a wallet to escrow until what they pay for happens (a pending two-phase
    transfer). It resolves exactly once: captured (all or part, split between the earner and the
    platform, the rest back to the wallet), voided (all back) or expired (all back, by beat)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("On hold")
        CAPTURED = "captured", _("Spent")
        VOIDED = "voided", _("Cancelled")
        EXPIRED = "expired", _("Expired")

    wallet = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="holds", verbose_name=_("wallet")
    )
    coins = models.PositiveIntegerField(_("coins"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    expires_at = models.DateTimeField(_("expires"))
    #: What the coins pay for, readable by people ("Question to Dr Ben Ali").
    reference = models.CharField(_("reference"), max_length=255)
    #: Optionally, the object the coins pay for (a message, a booking, a call).
    subject_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_id = models.CharField(max_length=64, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    #: Unique (a constraint, not ``unique=True``: no second, pattern-matching index to maintain).
    idempotency_key = models.CharField(_("idempotency key"), max_length=200)
    captured_coins = models.PositiveIntegerField(_("coins spent"), default=0)
    earner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="earned_holds",
        verbose_name=_("paid to"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("coin hold")
        verbose_name_plural = _("coin holds")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["expires_at"], condition=Q(status="pending"), name="wallet_pending_hold_expiry"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["idempotency_key"], name="wallet_hold_key_unique"),
            models.CheckConstraint(condition=Q(coins__gt=0), name="wallet_hold_positive"),
            models.CheckConstraint(
                condition=Q(captured_coins__lte=models.F("coins")), name="wallet_capture_within_hold"
            ),
            models.CheckConstraint(
                condition=(Q(status="pending") & Q(resolved_at__isnull=True) & Q(captured_coins=0))
                | (~Q(status="pending") & Q(resolved_at__isnull=False)),
                name="wallet_hold_resolution_consistent",
            ),
            models.CheckConstraint(
                condition=Q(status="captured") | Q(captured_coins=0), name="wallet_only_captures_spend"
            ),
        ]

    def __str__(self):
        return f"{self.coins} — {self.reference}"

    @property
    def returned_coins(self):
        """Coins that went (or will go) back to the wallet once resolved."""
        return 0 if self.status == self.Status.PENDING else self.coins - self.captured_coins


pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent())(Account)
pghistory.track(pghistory.InsertEvent())(Transaction)
#: An operation's entries are written by one statement (``wallet_post``): their audit rows too.
pghistory.track(pghistory.InsertEvent(level=pgtrigger.Statement))(Entry)
pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent())(Hold)
