"""Oscar's order dashboard, scoped: a seller sees orders holding its lines, and only its lines.

Staff keep Oscar's pages (status changes now go through ``commerce.order.services`` so they are
recorded with who and move stock). A seller gets its lines, its share of the totals and its
commission, changes its lines' statuses one by one or together, reads the buyer's email and the
delivery address, and exports its lines as CSV, Excel or PDF. Anything outside its lines is 404.
"""

import datetime

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import ListView
from oscar.apps.dashboard.orders import views as oscar_views
from oscar.apps.partner.exceptions import InvalidStockAdjustment
from oscar.core.loading import get_model
from oscar.core.utils import datetime_combine
from oscar.views import sort_queryset

from commerce.invoices.selectors import back_office_documents
from commerce.order import cancellation, services, statuses
from commerce.order.cancellation import CancellationRefused
from commerce.order.exceptions import InvalidStatusChange
from commerce.order.selectors import cash_collected_line_ids
from commerce.partner.exceptions import InsufficientStock
from commerce.partner.selectors import partner_ids_for

from .exports import export_response
from .forms import EXPORT_FORMATS, OrderSearchForm, ShipmentForm
from .selectors import (
    commission_percent,
    lines_for,
    lines_of_orders,
    net_revenue,
    notes_for,
    orders_for,
    share_totals,
    shipping_events_for,
    with_net,
    with_net_total,
    with_share,
)

Line = get_model("order", "Line")
OrderNote = get_model("order", "OrderNote")

#: Statuses a seller may give its own lines (payment and refunds are the platform's).
SELLER_LINE_STATUSES = (statuses.PROCESSING, statuses.SHIPPED, statuses.DELIVERED, statuses.CANCELLED)


def next_line_statuses(line, user):
    allowed = statuses.PIPELINE.get(line.status, ())
    if user.is_staff:
        return list(allowed)
    return [status for status in allowed if status in SELLER_LINE_STATUSES]


class OrderListView(oscar_views.OrderListView):
    """Orders holding the user's lines, with the user's share; filters and line exports."""

    form_class = OrderSearchForm

    def dispatch(self, request, *args, **kwargs):
        self.base_queryset = orders_for(request.user).order_by("-date_placed", "-pk")
        return ListView.dispatch(self, request, *args, **kwargs)

    def get_actions(self):
        if self.request.user.is_staff:
            return super().get_actions()
        return {"download_selected_orders": None}

    def export_format(self):
        fmt = self.request.GET.get("response_format")
        return fmt if fmt in EXPORT_FORMATS else None

    def is_csv_download(self):
        return self.export_format() is not None

    def get_queryset(self):
        user = self.request.user
        queryset, sorts = self.base_queryset, ["number", "date_placed"]
        if user.is_staff:
            queryset, sorts = with_net_total(queryset), [*sorts, "net_total_incl_tax"]
        queryset = sort_queryset(queryset, self.request, sorts)
        self.form = self.form_class(self.request.GET or None)
        if self.form.is_bound and self.form.is_valid():
            queryset = self.apply_filters(queryset, self.form.cleaned_data)
        return with_share(queryset, user)

    def apply_filters(self, queryset, data):
        user = self.request.user
        if data["order_number"]:
            queryset = queryset.filter(number__istartswith=data["order_number"].strip())
        if data["email"]:
            email = data["email"].strip()
            queryset = queryset.filter(Q(guest_email__icontains=email) | Q(user__email__icontains=email))
        if data["status"]:
            if user.is_staff:
                queryset = queryset.filter(status=data["status"])
            else:
                mine = Line.objects.filter(partner_id__in=partner_ids_for(user), status=data["status"])
                queryset = queryset.filter(pk__in=mine.values("order_id"))
        if data["date_from"]:
            queryset = queryset.filter(
                date_placed__gte=datetime_combine(data["date_from"], datetime.time.min)
            )
        if data["date_to"]:
            queryset = queryset.filter(date_placed__lte=datetime_combine(data["date_to"], datetime.time.max))
        return queryset

    def get_search_filter_descriptions(self):
        data = getattr(self.form, "cleaned_data", None) or {}
        descriptions = []
        if data.get("order_number"):
            descriptions.append(_("Order number starts with “%s”") % data["order_number"])
        if data.get("email"):
            descriptions.append(_("Buyer email contains “%s”") % data["email"])
        if data.get("status"):
            descriptions.append(_("Status: %s") % statuses.label(data["status"]))
        if data.get("date_from"):
            descriptions.append(_("Placed on or after %s") % data["date_from"])
        if data.get("date_to"):
            descriptions.append(_("Placed on or before %s") % data["date_to"])
        return descriptions

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["order_statuses"] = [(status, statuses.label(status)) for status in statuses.PIPELINE]
        ctx["export_formats"] = (("csv", "CSV"), ("xlsx", "Excel"), ("pdf", "PDF"))
        ctx["query_string"] = self.request.GET.urlencode()
        return ctx

    def render_to_response(self, context, **response_kwargs):
        fmt = self.export_format()
        if fmt:
            return self.export(context["object_list"], fmt)
        return super().render_to_response(context, **response_kwargs)

    def export(self, orders, fmt):
        lines = lines_of_orders(orders, self.request.user)
        return export_response(lines, fmt, title=_("Order lines"))

    def download_selected_orders(self, request, orders):
        return self.export(orders, "csv")

    def change_order_status(self, request, order):
        new_status = request.POST.get("new_status", "").strip()
        try:
            services.change_order_status(order, new_status, by=request.user)
        except InvalidStatusChange as exc:
            messages.error(request, str(exc))
        else:
            messages.info(
                request,
                _("Order %(number)s is now “%(status)s”.")
                % {
                    "number": order.number,
                    "status": statuses.label(new_status),
                },
            )


# Cancelling a paid line refunds it through Stripe: each service commits on its own, so no
# request-wide transaction keeps the order's row locked while Stripe answers.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class OrderDetailView(oscar_views.OrderDetailView):
    """Staff: Oscar's page. Seller: its lines only, its share, commission, per-line status changes."""

    seller_order_actions = ("save_note", "delete_note")
    #: Oscar's free-form shipping and payment events would bypass the order services: lines move
    #: only through ``change_line_statuses`` (shipping records the parcel and tells the customer).
    line_actions = ("change_line_statuses",)

    def get_template_names(self):
        if self.request.user.is_staff:
            return [self.template_name]
        return ["oscar/dashboard/orders/seller_order_detail.html"]

    def get_object(self, queryset=None):
        return get_object_or_404(orders_for(self.request.user), number=self.kwargs["number"])

    def get_order_lines(self):
        return lines_for(self.object, self.request.user)

    def handle_order_action(self, request, order, action):
        if not request.user.is_staff and action not in self.seller_order_actions:
            return self.reload_page(error=_("Invalid action"))
        return super().handle_order_action(request, order, action)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        lines = list(ctx["lines"])
        collected = cash_collected_line_ids(self.object)
        for line in lines:
            line.cash_collected = line.pk in collected
            line.status_label = statuses.label(line.status)
            line.commission_percent = commission_percent(line.commission_rate)
            line.next_statuses = [(s, statuses.label(s)) for s in next_line_statuses(line, user)]
            line.history = [
                {
                    "date": change.date_created,
                    "old": statuses.label(change.old_status),
                    "new": statuses.label(change.new_status),
                    "by": change.changed_by,
                }
                for change in reversed(list(line.status_changes.all()))
            ]
        ctx["lines"] = lines
        ctx["shipping_events"] = shipping_events_for(self.object, lines)
        ctx["documents"] = back_office_documents(self.object, user)
        ctx["share"] = share_totals(lines)
        ctx["notes"] = notes_for(self.object, user)
        ctx["status_label"] = statuses.label(self.object.status)
        ctx["line_status_choices"] = sorted(
            {(s, statuses.label(s)) for line in lines for s in next_line_statuses(line, user)},
            key=lambda choice: list(statuses.PIPELINE).index(choice[0]),
        )
        return ctx

    def get_order_note_form(self):
        note_id = self.kwargs.get("note_id")
        if note_id and not notes_for(self.object, self.request.user).filter(pk=note_id).exists():
            raise Http404
        return super().get_order_note_form()

    def delete_note(self, request, order):
        note = (
            notes_for(order, request.user).filter(pk=request.POST.get("note_id"), user=request.user).first()
        )
        if note is None or not note.is_editable():
            messages.error(request, _("Note cannot be deleted"))
        else:
            note.delete()
            messages.info(request, _("Note deleted"))
        return self.reload_page()

    def change_order_status(self, request, order):
        form = self.get_order_status_form()
        if not form.is_valid():
            return self.reload_page(error=_("Invalid form submission"))
        new_status = form.cleaned_data["new_status"]
        try:
            services.change_order_status(order, new_status, by=request.user)
        except (InvalidStatusChange, InsufficientStock, InvalidStockAdjustment) as exc:
            return self.reload_page(error=str(exc))
        messages.info(request, _("Order status changed to “%s”.") % statuses.label(new_status))
        return self.reload_page()

    def change_line_statuses(self, request, order, lines, quantities):
        new_status = request.POST.get("new_status", "").strip()
        refused = [line for line in lines if new_status not in next_line_statuses(line, request.user)]
        if not new_status or refused:
            return self.reload_page(
                error=_("“%(status)s” is not a valid next status for these lines: %(lines)s.")
                % {
                    "status": statuses.label(new_status),
                    "lines": ", ".join(f"#{line.pk}" for line in refused or lines),
                }
            )
        shipment = ShipmentForm(request.POST)
        if not shipment.is_valid():
            return self.reload_page(error=" ".join(shipment.errors_as_text()))
        try:
            if new_status == statuses.CANCELLED:  # a paid line is refunded: the order services decide
                cancellation.cancel_lines(order, lines, by=request.user)
            elif new_status == statuses.SHIPPED:
                services.ship_lines(lines, by=request.user, **shipment.cleaned_data)
            elif new_status == statuses.DELIVERED:
                services.record_delivery(lines, by=request.user)
            else:
                with transaction.atomic():
                    for line in lines:
                        services.change_line_status(line, new_status, by=request.user)
        except (InvalidStatusChange, InsufficientStock, InvalidStockAdjustment, CancellationRefused) as exc:
            return self.reload_page(error=str(exc))
        if new_status == statuses.CANCELLED and order.is_paid:
            new_status = statuses.REFUNDED  # a paid line cancelled is refunded to the customer
        messages.info(
            request,
            ngettext(
                "%(count)d line is now “%(status)s”.", "%(count)d lines are now “%(status)s”.", len(lines)
            )
            % {"count": len(lines), "status": statuses.label(new_status)},
        )
        return self.reload_page()


class LineDetailView(oscar_views.LineDetailView):
    """One line, only if the user fulfils it."""

    def get_object(self, queryset=None):
        order = get_object_or_404(orders_for(self.request.user), number=self.kwargs["number"])
        return get_object_or_404(lines_for(order, self.request.user), pk=self.kwargs["line_id"])


class ShippingAddressUpdateView(oscar_views.ShippingAddressUpdateView):
    """Staff only (see apps.py): an address is shared by every seller of the order."""

    def get_object(self, queryset=None):
        order = get_object_or_404(orders_for(self.request.user), number=self.kwargs["number"])
        return get_object_or_404(self.model, order=order)


class OrderStatsView(oscar_views.OrderStatsView):
    """Oscar's statistics, revenue net of refunds and cancellations; for a seller, counted on its
    own lines."""

    def get_stats(self, filters):
        user = self.request.user
        if user.is_staff:
            stats = super().get_stats(filters)
            return {**stats, "total_revenue": net_revenue(orders_for(user).filter(**filters))}
        orders = orders_for(user).filter(**filters)
        lines = with_net(
            Line.objects.filter(partner_id__in=partner_ids_for(user), order__in=orders.values("pk"))
        )
        return {
            "total_orders": orders.count(),
            "total_lines": lines.count(),
            "total_revenue": lines.aggregate(total=Sum("net_incl_tax"))["total"] or 0,
            "order_status_breakdown": lines.order_by("status").values("status").annotate(freq=Count("id")),
        }
