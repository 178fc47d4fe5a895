"""The checkouts: the one-page checkout of the basket, and the pop-up checkout of one product from
its page; both then go to Stripe (card) or to the thank-you page (cash on delivery)."""

import stripe
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView
from oscar.apps.checkout.views import ThankYouView as OscarThankYouView
from oscar.core.loading import get_model

from commerce.order.selectors import load_line_details
from commerce.payment.stripe.sessions import redirect_to_stripe
from commerce.users.consents import give_guest_whatsapp_consent, give_whatsapp_consent
from commerce.users.models import WhatsAppConsent

from . import buy_now, services
from .exceptions import CheckoutError
from .forms import BuyNowForm, QuickCheckoutForm
from .selectors import often_bought_with, order_summary

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


class PlaceOrderMixin:
    """What both checkouts do with a valid form: place the order (and record a WhatsApp consent the
    shopper ticked), then Stripe (card) or the thank-you page (cash on delivery). A refused order
    shows its reason on the form; nothing was written.

    A view using it says how its order is placed, ``place_order(form, **details)`` (raising a
    ``CheckoutError``), and where a shopper goes when the card payment cannot even start,
    ``failure_url()``.
    """

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            order = self.place_order(
                form,
                customer=services.Customer.from_data(data, self.request.user),
                payment_method=data["payment_method"],
                delivery=services.Delivery.from_data(data),
                language=get_language(),
                request=self.request,
            )
        except CheckoutError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        self.request.session["checkout_order_id"] = order.pk
        if data.get("whatsapp_opt_in") and self.request.user.is_authenticated:
            give_whatsapp_consent(self.request.user, data["phone"], source=WhatsAppConsent.CHECKOUT)
        elif data.get("whatsapp_opt_in"):
            give_guest_whatsapp_consent(
                data["email"], data["phone"], first_name=data["first_name"], last_name=data["last_name"]
            )
        if order.payment_method == Order.CARD:
            try:
                return redirect_to_stripe(self.request, order)
            except stripe.StripeError:
                services.cancel_unpaid_order(order.number, reason="Card payment could not be started.")
                messages.error(
                    self.request,
                    _("Card payment is unavailable right now; your basket is unchanged. Try again shortly."),
                )
                return redirect(self.failure_url())
        return redirect("checkout:thank-you")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class QuickCheckoutView(PlaceOrderMixin, FormView):
    """Guests and signed-in shoppers alike; the order is committed before the shopper goes to Stripe."""

    template_name = "checkout/quick_checkout.html"
    form_class = QuickCheckoutForm

    def dispatch(self, request, *args, **kwargs):
        if request.basket.is_empty:
            messages.info(request, _("Your basket is empty: add something before checking out."))
            return redirect("basket:summary")
        if services.account_required(request.basket, request.user):
            messages.info(
                request, _("Coins are credited to your account's wallet: sign in or create an account.")
            )
            return redirect_to_login(request.get_full_path(), reverse("account_login"))
        self.ships = request.basket.is_shipping_required()
        self.cash_on_delivery = services.cash_on_delivery_allowed(request.basket)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(ships=self.ships, cash_on_delivery=self.cash_on_delivery, user=self.request.user)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        basket = self.request.basket
        context.update(
            order_summary(basket, self.request),
            ships=self.ships,
            cash_on_delivery=self.cash_on_delivery,
            upsell=often_bought_with(
                [line.product.parent_id or line.product_id for line in basket.all_lines()]
            ),
        )
        return context

    def place_order(self, form, **details):
        order = services.place_order(basket=self.request.basket, **details)
        if order.payment_method == Order.CASH_ON_DELIVERY:
            self.forget_basket()
        return order

    def forget_basket(self):
        """A cash order submitted the shopper's basket: the next pages (the thank-you page first)
        start a new one without looking the old one up by its cookie. Oscar's basket middleware
        deletes the cookie, and sets it again only for a request whose basket was loaded, so the
        request is given a new basket, not loaded. (A card order's basket is frozen, and given
        back if the payment fails: its cookie stays.)"""
        self.request.cookies_to_delete.append(settings.OSCAR_BASKET_COOKIE_OPEN)
        self.request.basket = SimpleLazyObject(Basket)

    def failure_url(self):
        return reverse("checkout:index")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class BuyNowView(PlaceOrderMixin, FormView):
    """The pop-up checkout of one product (``buy_now``): its form and summary as a fragment for the
    product page's dialog (``?partial=1``), or as a page of its own (errors, links, no script)."""

    template_name = "checkout/buy_now.html"
    partial_template_name = "checkout/partials/buy_now.html"
    form_class = BuyNowForm

    def dispatch(self, request, *args, **kwargs):
        self.product = get_object_or_404(buy_now.products(), pk=kwargs["pk"])
        self.choices = buy_now.choices(self.product, request.strategy)
        if not self.choices:  # no seller sells it (the page shows no "Buy now")
            messages.error(request, _("Not available"))
            return redirect(self.product.get_absolute_url())
        self.item, self.info = self.chosen()
        self.ships = self.item.is_shipping_required
        return super().dispatch(request, *args, **kwargs)

    def chosen(self):
        """The variant asked for (``child``, from the product page's choice or the pop-up's), else
        the first one offered; a standalone product is its own one choice."""
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        wanted = source.get("child")
        return next((choice for choice in self.choices if str(choice[0].pk) == wanted), self.choices[0])

    @property
    def in_dialog(self):
        """The product page's script asks for the dialog's content only (``?partial=1``)."""
        return self.request.method == "GET" and bool(self.request.GET.get("partial"))

    def get_template_names(self):
        return [self.partial_template_name if self.in_dialog else self.template_name]

    def get_initial(self):
        return {"quantity": self.requested_quantity(), "child": self.item.pk}

    def requested_quantity(self):
        """The quantity chosen on the product page (``?quantity=``) or posted; 1 when unreadable."""
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        try:
            return max(1, min(int(source.get("quantity", 1)), settings.OSCAR_MAX_BASKET_QUANTITY_THRESHOLD))
        except (TypeError, ValueError):
            return 1

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            ships=self.ships,
            cash_on_delivery=self.ships,
            user=self.request.user,
            purchase_info=self.info,
            variants=[item for item, _info in self.choices] if self.product.is_parent else None,
        )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        basket = buy_now.preview(self.item, self.requested_quantity(), request=self.request)
        context.update(
            order_summary(basket, self.request),
            product=self.product,
            ships=self.ships,
            cash_on_delivery=self.ships,
            upsell=often_bought_with([self.product.pk]),
            in_dialog=self.in_dialog,
        )
        return context

    def place_order(self, form, **details):
        return buy_now.place(self.item, form.cleaned_data["quantity"], **details)

    def failure_url(self):
        return self.product.get_absolute_url()


class ThankYouView(OscarThankYouView):
    """The confirmation of a quick checkout (no step bar: there were no steps), with what it shows
    of the order read in a fixed number of queries.

    Oscar's view also flags the order ``analytics_tracked`` on the first visit (one more write on
    every confirmation), for a tracking snippet its templates may send; ours send none, and nothing
    else reads the flag, so it is left alone."""

    template_name = "checkout/thank_you.html"

    def get_object(self, queryset=None):
        """Oscar's lookup: a superuser's ``?order_number=`` or ``?order_id=``, else the session's order."""
        lookup = None
        if self.request.user.is_superuser:
            if "order_number" in self.request.GET:
                lookup = {"number": self.request.GET["order_number"]}
            elif "order_id" in self.request.GET:
                lookup = {"pk": self.request.GET["order_id"]}
        order = self._order(lookup) if lookup else None
        if order is None and "checkout_order_id" in self.request.session:
            order = self._order({"pk": self.request.session["checkout_order_id"]})
        return order

    @staticmethod
    def _order(lookup):
        order = Order.objects.select_related("shipping_address").filter(**lookup).first()
        return load_line_details([order])[0] if order is not None else None

    def get_context_data(self, **kwargs):
        return DetailView.get_context_data(self, **kwargs)
