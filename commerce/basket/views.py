"""Oscar's basket page with its pictures loaded in one query, and Oscar's add-to-basket view: the
product read in one query, "Buy now", and a failed add back on the product.

The add-to-basket form is posted by "Add to basket" (back to the page, or the basket) and by
"Buy now" on the product page, whose ``next`` is the quick checkout (Oscar follows a ``next``
only when it is on this site).
"""

from django.contrib import messages
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from oscar.apps.basket.views import BasketAddView as OscarBasketAddView
from oscar.apps.basket.views import BasketView as OscarBasketView
from oscar.core.loading import get_model
from oscar.core.utils import safe_referrer

from commerce.analytics import services as analytics

Product = get_model("catalogue", "Product")


class BasketAddView(OscarBasketAddView):
    def post(self, request, *args, **kwargs):
        """Oscar's, with the product class and stock records the form and the basket read loaded
        with the product (the strategy would otherwise fetch the stock record twice)."""
        products = Product.objects.select_related("product_class", "parent__product_class")
        self.product = get_object_or_404(products.prefetch_related("stockrecords"), pk=kwargs["pk"])
        return FormView.post(self, request, *args, **kwargs)

    def form_valid(self, form):
        """Oscar's; "Buy now" leaves out the "new basket total" and offer messages (and the offers
        applied again to write them): the checkout page it lands on shows the basket with its total.
        Either way the addition is counted (``basket_addition`` has no receiver)."""
        analytics.record_basket_addition(form.product.pk, self.request.user)
        if self.get_success_url() != reverse("checkout:index"):
            return super().form_valid(form)
        self.line, self.line_created = self.request.basket.add_product(
            form.product, form.cleaned_data["quantity"], form.cleaned_options()
        )
        messages.success(self.request, self.get_success_message(form), extra_tags="safe noicon")
        self.add_signal.send(sender=self, product=form.product, user=self.request.user, request=self.request)
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        """Oscar keeps the errors and the posted values for the product's form; without a referrer
        it sends the shopper to the basket, where that form is not shown: go to the product then."""
        super().form_invalid(form)
        return redirect(safe_referrer(self.request, self.product.get_absolute_url()))


class BasketView(OscarBasketView):
    def get_context_data(self, **kwargs):
        """Oscar's; the pictures of the lines (and of the saved ones) in one query. The basket's
        lines leave them out, as no other page that reads the lines shows them."""
        context = super().get_context_data(**kwargs)
        products = [
            form.instance.product
            for name in ("formset", "saved_formset")
            for form in (context.get(name) or ())
            if form.instance.product_id
        ]
        prefetch_related_objects(products, "images")
        return context
