"""The one-page checkout: a form beside the basket summary, then Stripe (card) or a thank-you (COD)."""

import stripe
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView
from oscar.apps.checkout.views import ThankYouView as OscarThankYouView
from oscar.core.loading import get_class, get_model

from commerce.payment.stripe.views import redirect_to_stripe

from . import services
from .exceptions import CheckoutError
from .forms import QuickCheckoutForm
from .selectors import often_bought_with

Order = get_model("order", "Order")
Repository = get_class("shipping.repository", "Repository")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class QuickCheckoutView(FormView):
    """Guests and signed-in shoppers alike; the order is committed before the shopper goes to Stripe."""

    template_name = "checkout/quick_checkout.html"
    form_class = QuickCheckoutForm

    def dispatch(self, request, *args, **kwargs):
        if request.basket.is_empty:
            messages.info(request, _("Your basket is empty: add something before checking out."))
            return redirect("basket:summary")
        self.ships = request.basket.is_shipping_required()
        self.cash_on_delivery = all(
            line.product.get_product_class().requires_shipping for line in request.basket.all_lines()
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(ships=self.ships, cash_on_delivery=self.cash_on_delivery, user=self.request.user)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        basket = self.request.basket
        method = Repository().get_default_shipping_method(basket=basket)
        charge = method.calculate(basket)
        context.update(
            basket=basket,
            shipping_method=method,
            shipping_charge=charge,
            order_total=OrderTotalCalculator(self.request).calculate(basket, charge),
            ships=self.ships,
            cash_on_delivery=self.cash_on_delivery,
            upsell=often_bought_with([line.product_id for line in basket.all_lines()]),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        customer = services.Customer.from_data(data, self.request.user)
        delivery = services.Delivery.from_data(data)
        try:
            order = services.place_order(
                basket=self.request.basket,
                customer=customer,
                payment_method=data["payment_method"],
                delivery=delivery,
                language=get_language(),
                request=self.request,
            )
        except CheckoutError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        self.request.session["checkout_order_id"] = order.pk
        if order.payment_method == Order.CARD:
            try:
                return redirect_to_stripe(self.request, order)
            except stripe.StripeError:
                services.cancel_unpaid_order(order.number, reason="Card payment could not be started.")
                messages.error(
                    self.request,
                    _("Card payment is unavailable right now; your basket is unchanged. Try again shortly."),
                )
                return redirect("checkout:index")
        return redirect("checkout:thank-you")


class ThankYouView(OscarThankYouView):
    """The confirmation of a quick checkout (no step bar: there were no steps), with what it shows
    of the order read in a fixed number of queries."""

    template_name = "checkout/thank_you.html"

    def get_object(self, queryset=None):
        """Oscar's lookup: a superuser's ``?order_number=`` or ``?order_id=``, else the session's order."""
        orders = Order.objects.select_related("shipping_address").prefetch_related("lines")
        order = None
        if self.request.user.is_superuser:
            if "order_number" in self.request.GET:
                order = orders.filter(number=self.request.GET["order_number"]).first()
            elif "order_id" in self.request.GET:
                order = orders.filter(pk=self.request.GET["order_id"]).first()
        if order is None and "checkout_order_id" in self.request.session:
            order = orders.filter(pk=self.request.session["checkout_order_id"]).first()
        return order
