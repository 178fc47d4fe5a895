"""Orders and lines a dashboard user may see: staff all of them, a seller only its shops' lines.

Oscar's dashboard shows a partner every line of an order that holds one of its lines (django-oscar
#2240). Here an order is listed for a seller when it holds at least one of its lines, and every
line, total and export is computed from the seller's own lines only.

Every figure is net of refunds and cancellations (``with_net``): a cancelled line counts for
nothing, a refunded unit is taken off the sale, and the commission shrinks in proportion.
"""

from decimal import Decimal

from django.db.models import (
    Case,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf, Round
from oscar.core.loading import get_model

from commerce.money.fields import ZERO
from commerce.order import statuses
from commerce.partner.selectors import partner_ids_for

Order = get_model("order", "Order")
Line = get_model("order", "Line")
OrderNote = get_model("order", "OrderNote")
Refund = get_model("payment", "Refund")
RefundLine = get_model("payment", "RefundLine")

MONEY = DecimalField(max_digits=12, decimal_places=3)


def with_net(lines):
    """Annotate ``refunded_incl_tax`` and what is left of each line's sale once refunds and
    cancellations are taken off: ``net_incl_tax``, ``net_excl_tax``, ``net_commission``."""
    refunds = (
        RefundLine.objects.filter(line=OuterRef("pk"), refund__status=Refund.SUCCEEDED)
        .order_by()
        .values("line")
        .annotate(total=Sum("amount"))
        .values("total")[:1]
    )
    refunded = Coalesce(Subquery(refunds, output_field=MONEY), Value(ZERO), output_field=MONEY)
    kept = Case(
        When(status=statuses.CANCELLED, then=Value(ZERO)),
        default=ExpressionWrapper(F("line_price_incl_tax") - refunded, output_field=MONEY),
        output_field=MONEY,
    )
    share = Coalesce(
        ExpressionWrapper(kept / NullIf(F("line_price_incl_tax"), Value(ZERO)), output_field=MONEY),
        Value(ZERO),
        output_field=MONEY,
    )

    def part(field):
        return Round(ExpressionWrapper(F(field) * share, output_field=MONEY), 3, output_field=MONEY)

    return lines.annotate(
        refunded_incl_tax=refunded,
        net_incl_tax=kept,
        net_excl_tax=part("line_price_excl_tax"),
        net_commission=part("commission_amount"),
    )


def _own_lines(user):
    lines = Line.objects.all()
    if not user.is_staff:
        lines = lines.filter(partner_id__in=partner_ids_for(user))
    return lines


def orders_for(user):
    """Orders the user may open, with what the order list shows loaded in the same query."""
    orders = Order.objects.select_related("user", "shipping_address", "billing_address")
    if user.is_staff:
        return orders
    return orders.filter(Exists(_own_lines(user).filter(order=OuterRef("pk"))))


def with_net_total(orders):
    """Annotate ``net_total_incl_tax``: what the customer finally paid for each order (its total,
    shipping included, less completed refunds; nothing for a cancelled order)."""
    refunds = (
        Refund.objects.filter(order=OuterRef("pk"), status=Refund.SUCCEEDED)
        .order_by()
        .values("order")
        .annotate(total=Sum("amount"))
        .values("total")[:1]
    )
    refunded = Coalesce(Subquery(refunds, output_field=MONEY), Value(ZERO), output_field=MONEY)
    return orders.annotate(
        net_total_incl_tax=Case(
            When(status=statuses.CANCELLED, then=Value(ZERO)),
            default=ExpressionWrapper(F("total_incl_tax") - refunded, output_field=MONEY),
            output_field=MONEY,
        )
    )


def with_share(orders, user):
    """Annotate ``share_items``, ``share_incl_tax`` and ``share_commission``: the user's lines only,
    net of refunds and cancellations."""
    lines = with_net(_own_lines(user).filter(order=OuterRef("pk"))).order_by().values("order")

    def total(field):
        return Subquery(lines.annotate(total=Sum(field)).values("total")[:1])

    return orders.annotate(
        share_items=total("quantity"),
        share_incl_tax=total("net_incl_tax"),
        share_excl_tax=total("net_excl_tax"),
        share_commission=total("net_commission"),
    )


def lines_for(order, user):
    """The order's lines the user fulfils (all of them for staff)."""
    return (
        with_net(_own_lines(user).filter(order=order))
        .select_related("partner", "product", "stockrecord")
        .prefetch_related("status_changes__changed_by")
        .order_by("pk")
    )


def lines_of_orders(orders, user):
    """The user's lines of these orders, for exports, newest order first."""
    return (
        with_net(_own_lines(user).filter(order__in=orders.order_by().values("pk")))
        .select_related("order__user", "order__shipping_address", "partner")
        .order_by("-order__date_placed", "order_id", "pk")
    )


def shipping_events_for(order, lines):
    """The order's parcels that hold any of these lines (a seller sees only its own parcels)."""
    return (
        order.shipping_events.filter(lines__in=[line.pk for line in lines])
        .distinct()
        .select_related("event_type")
        .prefetch_related("lines")
        .order_by("date_created", "pk")
    )


def notes_for(order, user):
    """Order notes the user may read: all for staff; a seller only those written by its shops' users."""
    notes = order.notes.select_related("user")
    if user.is_staff:
        return notes
    return notes.filter(user__partners__in=partner_ids_for(user)).distinct()


def share_totals(lines):
    """Items, amounts and commission of these lines (``with_net``: net of refunds and
    cancellations), what was refunded, and what the seller keeps."""
    totals = {"items": 0, "excl_tax": ZERO, "incl_tax": ZERO, "commission": ZERO, "refunded": ZERO}
    for line in lines:
        totals["items"] += line.quantity
        totals["excl_tax"] += line.net_excl_tax
        totals["incl_tax"] += line.net_incl_tax
        totals["commission"] += line.net_commission
        totals["refunded"] += line.refunded_incl_tax
    totals["tax"] = totals["incl_tax"] - totals["excl_tax"]
    totals["net"] = totals["incl_tax"] - totals["commission"]
    return totals


def commission_percent(rate):
    """``Decimal("0.1550")`` → ``"15.5 %"``."""
    if rate is None:
        return ""
    percent = (Decimal(rate) * 100).quantize(Decimal("0.01")).normalize()
    return f"{percent:f} %"


def net_revenue(orders):
    """What these orders brought in: their totals, less cancelled orders and completed refunds."""
    return with_net_total(orders).aggregate(total=Sum("net_total_incl_tax"))["total"] or ZERO
