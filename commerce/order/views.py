"""A guest's order, opened by the signed link of its confirmation email or thank-you page, and
the customer's order line address."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView
from oscar.apps.customer.views import OrderLineView as OscarOrderLineView
from oscar.core.loading import get_model

Order = get_model("order", "Order")


class GuestOrderView(DetailView):
    """The order behind a signed link (``Order.verification_hash``, ``django.core.signing``): the
    link alone opens it, in the language of its URL and the site's look. It answers Oscar's own
    ``order-status/`` address, where Oscar asks for the order's email again on an English form the
    shopper cannot make sense of; a link that does not verify is a plain 404."""

    template_name = "oscar/customer/anon_order.html"
    context_object_name = "order"

    @property
    def hash(self):
        """The link's signature, which the page's invoice links carry on (``view.hash``)."""
        return self.kwargs["hash"]

    def get_object(self, queryset=None):
        order = (
            Order.objects.filter(user=None, number=self.kwargs["order_number"])
            .select_related("shipping_address__country")
            .first()
        )
        if order is None or not order.check_verification_hash(self.hash):
            raise Http404
        return order


class OrderLineView(OscarOrderLineView):
    """Oscar's line address takes the "Re-order" button's POST; it has no page of its own (Oscar
    answers a GET with a missing template), so a visit leads to the order's page."""

    def get(self, request, *args, **kwargs):
        self.get_object()
        return redirect("customer:order", order_number=self.kwargs["order_number"])

    def get_object(self, queryset=None):
        order = get_object_or_404(Order, user=self.request.user, number=self.kwargs["order_number"])
        return get_object_or_404(order.lines, pk=self.kwargs["line_id"])
