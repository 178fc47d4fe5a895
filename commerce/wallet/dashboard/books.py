"""Reads of the wallet's dashboard: the ledger's accounts, transactions and holds, filtered as the
platform admin asked (the forms' cleaned data). Each list loads what its rows show in a fixed
number of queries, whatever the page size."""

from datetime import datetime, time, timedelta

from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from commerce.wallet.models import Account, Entry, Hold, Transaction


def accounts(kind="", email=""):
    """Platform accounts first, then users' by balance (largest first); ``current_balance`` is
    what each holds."""
    queryset = (
        Account.objects.with_current_balance()
        .select_related("user")
        .order_by("user_id", "-current_balance", "pk")
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if email:
        queryset = queryset.filter(user__email__icontains=email)
    return queryset


def totals_by_kind():
    """Per kind of account: how many and the sum of their balances (millimes, parts included)."""
    rows = (
        Account.objects.with_current_balance()
        .values("kind")
        .annotate(count=Count("pk"), total=Sum("current_balance"))
        .order_by("kind")
    )
    labels = dict(Account.Kind.choices)
    return [{**row, "label": labels.get(row["kind"], row["kind"])} for row in rows]


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def transactions(kind="", email="", reference="", since=None, until=None):
    """Newest first, each with its entries and their accounts (and the accounts' owners)."""
    queryset = Transaction.objects.select_related("created_by", "hold").prefetch_related(
        Prefetch("entries", queryset=Entry.objects.select_related("account__user").order_by("amount", "pk"))
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if email:
        queryset = queryset.filter(entries__account__user__email__icontains=email).distinct()
    if reference:
        queryset = queryset.filter(Q(reference__icontains=reference) | Q(memo__icontains=reference))
    if since:
        queryset = queryset.filter(created_at__gte=_day_start(since))
    if until:
        queryset = queryset.filter(created_at__lt=_day_start(until + timedelta(days=1)))
    return queryset.order_by("-created_at", "-pk")


def holds(status="", email=""):
    queryset = Hold.objects.select_related("wallet__user", "earner").order_by("-created_at", "-pk")
    if status:
        queryset = queryset.filter(status=status)
    if email:
        queryset = queryset.filter(wallet__user__email__icontains=email)
    return queryset


def holds_by_status():
    """Per status: how many holds and how many coins."""
    rows = Hold.objects.values("status").annotate(count=Count("pk"), coins=Sum("coins")).order_by("status")
    labels = dict(Hold.Status.choices)
    return [{**row, "label": labels.get(row["status"], row["status"])} for row in rows]
