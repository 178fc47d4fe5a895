"""``/dashboard/payments/refund/<order number>/``: staff refund a card order, whole or per line."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.payment.refunds import RefundError, refund_order

from .forms import RefundForm

Order = get_model("order", "Order")
StripeRefund = get_model("payment", "StripeRefund")


@staff_member_required(login_url="dashboard-login")
@transaction.non_atomic_requests
def refund(request, number):
    order = get_object_or_404(Order, number=number)
    refunded = StripeRefund.lines.through.objects.filter(striperefund__order=order).values("line_id")
    refundable = order.lines.exclude(pk__in=refunded).order_by("pk")
    form = RefundForm(request.POST or None, order=order, refundable=refundable)
    if request.method == "POST" and form.is_valid():
        try:
            record = refund_order(order, lines=form.lines_to_refund(), by=request.user)
        except RefundError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Refunded %(amount)s %(currency)s (Stripe refund %(id)s); stock restored.")
                % {"amount": record.amount, "currency": order.currency, "id": record.refund_id},
            )
            return redirect("dashboard:order-detail", number=order.number)
    context = {"order": order, "form": form, "refunds": order.stripe_refunds.prefetch_related("lines")}
    return render(request, "payment/dashboard/refund.html", context)
