"""Reads of an expert's money, all from the coin ledger so every figure equals the books.

- pending: coins on hold for the expert's open consultations (``pending.pending_holds_filter``),
  shown with the expert's share they will become if captured;
- available: the balance of the expert's earnings account;
- paid out: the earnings that left in payout transactions (withholding included);
- by month: each capture credited to the earnings account (one consultation each), with the gross
  the client paid, the platform's share and the expert's.

Amounts are integer millimes; templates format them as TND with ``millimes_tnd``.
"""

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from commerce.experts.models import Verification
from commerce.wallet.models import Account, Entry, Hold, Transaction
from commerce.wallet.services import split

from . import charts
from .models import BankExport, PayoutRequest, Statement
from .pending import pending_holds_filter
from .templatetags.payout_tags import tnd


def minimum_millimes():
    """The smallest payout an expert may ask for (``PAYOUTS_MINIMUM_TND``), in millimes."""
    return int(Decimal(str(settings.PAYOUTS_MINIMUM_TND)) * 1000)


def available_millimes(user):
    balance = (
        Account.objects.filter(kind=Account.Kind.EARNINGS, user=user)
        .values_list("balance", flat=True)
        .first()
    )
    return balance or 0


def _earnings_entries(user):
    return Entry.objects.filter(account__kind=Account.Kind.EARNINGS, account__user=user)


@dataclass
class Summary:
    pending_coins: int
    pending_millimes: int
    available_millimes: int
    paid_out_millimes: int
    requested_millimes: int


def summary(user):
    """The four figures at the top of the earnings page (five queries whatever the history's length)."""
    pending = (
        Hold.objects.filter(pending_holds_filter(user), status=Hold.Status.PENDING).aggregate(
            total=Sum("coins")
        )["total"]
        or 0
    )
    paid = (
        _earnings_entries(user)
        .filter(transaction__kind=Transaction.Kind.PAYOUT)
        .aggregate(total=Sum("amount"))["total"]
        or 0
    )
    requested = (
        PayoutRequest.objects.filter(expert=user, status__in=PayoutRequest.OPEN).aggregate(
            total=Sum("millimes")
        )["total"]
        or 0
    )
    return Summary(
        pending_coins=pending,
        pending_millimes=split(pending * settings.WALLET_COIN_MILLIMES)[0],
        available_millimes=available_millimes(user),
        paid_out_millimes=-paid,
        requested_millimes=requested,
    )


@dataclass
class Consultation:
    """One capture into the expert's earnings."""

    at: object
    reference: str
    coins: int
    gross_millimes: int
    earned_millimes: int

    @property
    def platform_millimes(self):
        return self.gross_millimes - self.earned_millimes


@dataclass
class Month:
    month: date
    consultations: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.consultations)

    @property
    def gross_millimes(self):
        return sum(item.gross_millimes for item in self.consultations)

    @property
    def earned_millimes(self):
        return sum(item.earned_millimes for item in self.consultations)

    @property
    def platform_millimes(self):
        return self.gross_millimes - self.earned_millimes


def consultations(user, *, month=None):
    """Captures credited to ``user``'s earnings, newest first (``month``: a date in that month only)."""
    entries = (
        _earnings_entries(user)
        .filter(transaction__kind=Transaction.Kind.CAPTURE)
        .select_related("transaction__hold")
        .order_by("-transaction__created_at", "-pk")
    )
    if month is not None:
        start, end = month_bounds(month)
        entries = entries.filter(transaction__created_at__gte=start, transaction__created_at__lt=end)
    coin = settings.WALLET_COIN_MILLIMES
    return [
        Consultation(
            at=entry.transaction.created_at,
            reference=entry.transaction.reference,
            coins=entry.transaction.hold.captured_coins,
            gross_millimes=entry.transaction.hold.captured_coins * coin,
            earned_millimes=entry.amount,
        )
        for entry in entries
    ]


def by_month(user):
    """``[Month]`` newest first, each with its consultations (two queries: entries with their holds)."""
    months = OrderedDict()
    for item in consultations(user):
        key = timezone.localtime(item.at).date().replace(day=1)
        months.setdefault(key, Month(key)).consultations.append(item)
    return list(months.values())


def month_bounds(day):
    """``(start, end)`` aware datetimes of the month holding ``day``, in the site's time zone."""
    start = date(day.year, day.month, 1)
    end = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(timezone.datetime.combine(start, timezone.datetime.min.time()), zone),
        timezone.make_aware(timezone.datetime.combine(end, timezone.datetime.min.time()), zone),
    )


@dataclass
class ChartRow:
    month: date
    value: float
    label: str
    percent: int


@dataclass
class Chart:
    key: str
    title: str
    rows: list


def last_months(count, *, today=None):
    """The first days of the last ``count`` months, oldest first, the current month last."""
    today = today or timezone.localdate()
    year, month = today.year, today.month
    firsts = []
    for _step in range(count):
        firsts.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return firsts[::-1]


def _chart(key, title, months, points, maximum=None):
    largest = maximum or max((point.value for point in points.values()), default=0)
    rows = []
    for month in months:
        point = points.get(month)
        value, label = (point.value, point.label) if point else (0, "—")
        rows.append(ChartRow(month, value, label, round(100 * value / largest) if largest else 0))
    return Chart(key, title, rows)


def monthly_charts(user, *, months=12, today=None):
    """``[Chart]`` over the last ``months`` months (empty months included): consultations and
    earnings from the ledger (one grouped query), then each series other apps registered in
    ``charts`` (one grouped query each)."""
    firsts = last_months(months, today=today)
    since = month_bounds(firsts[0])[0]
    rows = (
        _earnings_entries(user)
        .filter(transaction__kind=Transaction.Kind.CAPTURE, transaction__created_at__gte=since)
        .annotate(month=TruncMonth("transaction__created_at"))
        .values("month")
        .annotate(count=Count("pk"), earned=Sum("amount"))
        .order_by()
    )
    counts, earned = {}, {}
    for row in rows:
        month = timezone.localtime(row["month"]).date()
        counts[month] = charts.Point(row["count"], number_format(row["count"]))
        earned[month] = charts.Point(row["earned"], tnd(row["earned"]))
    no_count, no_money = charts.Point(0, number_format(0)), charts.Point(0, tnd(0))
    return [
        _chart(
            "consultations",
            _("Consultations per month"),
            firsts,
            {m: counts.get(m, no_count) for m in firsts},
        ),
        _chart("earned", _("Earned per month (TND)"), firsts, {m: earned.get(m, no_money) for m in firsts}),
        *(
            _chart(series.key, series.title, firsts, series.monthly(user, since), series.maximum)
            for series in charts.registered()
        ),
    ]


def chart_table(chart_list):
    """The charts as table rows (one per month, one cell per chart): what screen readers read."""
    if not chart_list:
        return []
    return [
        (row.month, [chart.rows[index].label for chart in chart_list])
        for index, row in enumerate(chart_list[0].rows)
    ]


def payouts_in(user, month):
    """Payout requests of ``user`` paid during ``month``."""
    start, end = month_bounds(month)
    return list(
        PayoutRequest.objects.filter(
            expert=user, status=PayoutRequest.Status.PAID, paid_at__gte=start, paid_at__lt=end
        )
    )


def requests_of(user):
    return PayoutRequest.objects.filter(expert=user)


def open_request(user):
    return PayoutRequest.objects.filter(expert=user, status__in=PayoutRequest.OPEN).first()


def statements_of(user):
    return Statement.objects.filter(expert=user)


def verification_of(user):
    return Verification.objects.filter(profile__user=user).select_related("profile").first()


#: The admins' tabs: requests to decide, transfers to make, history.
QUEUES = {
    "requested": (PayoutRequest.Status.REQUESTED,),
    "approved": (PayoutRequest.Status.APPROVED,),
    "done": (PayoutRequest.Status.PAID, PayoutRequest.Status.REJECTED),
}


def queue(tab):
    return (
        PayoutRequest.objects.filter(status__in=QUEUES[tab])
        .select_related("expert", "expert__expert_profile", "expert__expert_profile__verification")
        .order_by("requested_at", "pk")
    )


def recent_exports(count=5):
    """The last bank-batch downloads (who, when, which requests), shown beside the export button."""
    return BankExport.objects.select_related("exported_by")[:count]


def approved_for_transfer():
    return list(
        PayoutRequest.objects.filter(status=PayoutRequest.Status.APPROVED)
        .select_related("expert__expert_profile__verification")
        .order_by("requested_at", "pk")
    )
