"""A guest's order, opened by the signed link of its confirmation email or thank-you page, and
the customer's order line address."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from oscar.apps.customer.views import OrderLineView as OscarOrderLineView
from oscar.core.loading import get_model

from commerce.users.consents import current_guest_consent, revoke_guest_whatsapp_consent

Order = get_model("order", "Order")


class GuestOrderView(DetailView):
    """The order behind a signed link (``Order.verification_hash``, ``django.core.signing``): the
    link alone opens it, in the language of its URL and the site's look. It answers Oscar's own
    ``order-status/`` address, where Oscar asks for the order's email again on an English form the
    shopper cannot make sense of; a link that does not verify is a plain 404.

    A guest who agreed to WhatsApp messages at checkout sees that consent here and withdraws it with
    the page's button (a POST to the same signed address): they have no account page to do it.
    """

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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["whatsapp_consent"] = current_guest_consent(self.object.guest_email)
        return context

    def post(self, request, *args, **kwargs):
        order = self.get_object()
        if "revoke_whatsapp" in request.POST and revoke_guest_whatsapp_consent(order.guest_email):
            messages.success(
                request, _("Your WhatsApp consent is withdrawn: we no longer write to you there.")
            )
        return redirect(request.path)


class OrderLineView(OscarOrderLineView):
    """Oscar's line address takes the "Re-order" button's POST; it has no page of its own (Oscar
    answers a GET with a missing template), so a visit leads to the order's page."""

    def get(self, request, *args, **kwargs):
        self.get_object()
        return redirect("customer:order", order_number=self.kwargs["order_number"])

    def get_object(self, queryset=None):
        order = get_object_or_404(Order, user=self.request.user, number=self.kwargs["order_number"])
        return get_object_or_404(order.lines, pk=self.kwargs["line_id"])
