"""The dashboard home: Oscar's for staff; for a seller, figures from its own lines and stock only.

Oscar's home counts whole orders for partner users (every seller's lines in the total); a seller
here sees its own sales, stock alerts and unread notifications (low stock, …).
"""

from datetime import timedelta

from django.db.models import Count, Sum
from django.utils.timezone import now
from oscar.apps.dashboard import views as oscar_views
from oscar.core.loading import get_class, get_model

from commerce.dashboard.orders.selectors import net_revenue, orders_for, with_net
from commerce.money.fields import ZERO
from commerce.notifications.selectors import notifications_for
from commerce.notifications.services import unread_count
from commerce.partner.selectors import low_stock, partner_ids_for, partners_for, stockrecords_for

Line = get_model("order", "Line")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
partner_product_visibility_q = get_class("dashboard.catalogue.utils", "partner_product_visibility_q")


class IndexView(oscar_views.IndexView):
    def get_template_names(self):
        if self.request.user.is_staff:
            return ["oscar/dashboard/index.html"]
        return ["oscar/dashboard/index_nonstaff.html"]

    def get_stats(self):
        if self.request.user.is_staff:
            return staff_stats(self.request.user, super().get_stats())
        return seller_stats(self.request.user)


def staff_stats(user, stats):
    """Oscar's figures, but "open stock alerts" counts the rows low on stock now, as the stock page
    flags them: Oscar counts alert rows, which only exist where the stock service wrote one (stock
    imported or seeded has none, so the home said 0 while the stock page flagged rows low); and
    revenue is net of refunds and cancellations (Oscar sums every order's total)."""
    day_ago = now() - timedelta(hours=24)
    return {
        **stats,
        "total_open_stock_alerts": low_stock(stockrecords_for(user)).count(),
        "total_revenue": net_revenue(Order.objects.all()),
        "total_revenue_last_day": net_revenue(Order.objects.filter(date_placed__gt=day_ago)),
    }


def seller_stats(user):
    """The seller's figures: its lines, its revenue and commission net of refunds and cancellations,
    its stock records low on stock (those the stock page flags), its inbox."""
    partner_ids = partner_ids_for(user)
    lines = with_net(Line.objects.filter(partner_id__in=partner_ids))
    day_ago = now() - timedelta(hours=24)
    recent = lines.filter(order__date_placed__gt=day_ago)

    def sums(queryset):
        totals = queryset.aggregate(revenue=Sum("net_incl_tax"), commission=Sum("net_commission"))
        return totals["revenue"] or ZERO, totals["commission"] or ZERO

    revenue, commission = sums(lines)
    revenue_last_day, _ = sums(recent)
    low = low_stock(stockrecords_for(user))
    products = Product.objects.filter(parent__isnull=True).filter(partner_product_visibility_q(user))
    return {
        "shops": partners_for(user).order_by("name"),
        "total_orders": orders_for(user).count(),
        "total_orders_last_day": recent.values("order_id").distinct().count(),
        "total_lines": lines.count(),
        "total_lines_last_day": recent.count(),
        "total_revenue": revenue,
        "total_revenue_last_day": revenue_last_day,
        "total_commission": commission,
        "total_net": revenue - commission,
        "total_products": products.distinct().count(),
        "total_low_stock": low.count(),
        "low_stock": low.order_by("num_in_stock", "pk")[:5],
        "line_status_breakdown": lines.order_by("status").values("status").annotate(freq=Count("id")),
        "notifications": notifications_for(user)[:5],
        "unread_notifications": unread_count(user.pk),
    }
