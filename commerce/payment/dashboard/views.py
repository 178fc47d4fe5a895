"""``/dashboard/payments/refund/<order number>/``: staff refund a card order: units of its lines, the
shipping, or everything left."""

import uuid

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.payment.refunds import RefundError, RefundPending, refund_order
from commerce.payment.selectors import customer_refunds, refundable

from .forms import RefundForm

Order = get_model("order", "Order")


@staff_member_required(login_url="dashboard-login")
@transaction.non_atomic_requests
def refund(request, number):
    order = get_object_or_404(Order, number=number)
    left, shipping_left = refundable(order)
    form = RefundForm(
        request.POST or None,
        initial={"token": uuid.uuid4()},
        order=order,
        left=left,
        shipping_left=shipping_left,
    )
    if request.method == "POST" and form.is_valid():
        try:
            record = refund_order(order, by=request.user, **form.refund_arguments())
        except RefundPending as pending:
            messages.warning(request, str(pending))
            return redirect("dashboard:order-detail", number=order.number)
        except RefundError as error:
            messages.error(request, str(error))
        else:
            message = (
                _("Refunded %(amount)s %(currency)s; stock restored.")
                if record.lines.filter(quantity__gt=0).exists()
                else _("Refunded %(amount)s %(currency)s.")
            )
            messages.success(request, message % {"amount": record.amount, "currency": order.currency})
            return redirect("dashboard:order-detail", number=order.number)
    context = {
        "order": order,
        "form": form,
        "shipping_left": shipping_left,
        "refunds": customer_refunds(order),
    }
    return render(request, "payment/dashboard/refund.html", context)
