"""Oscar's review pages; writing a review goes through services.submit_review (verified buyers,
moderation), and the product page says why someone cannot review."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from oscar.apps.catalogue.reviews import views as oscar_views
from oscar.apps.catalogue.reviews.views import *  # noqa: F403 - Oscar loads every review view from here
from oscar.core.loading import get_model

from . import selectors, services
from .exceptions import NotAVerifiedBuyer, ReviewRefused

Product = get_model("catalogue", "Product")


class CreateProductReview(oscar_views.CreateProductReview):
    def dispatch(self, request, *args, **kwargs):
        product = get_object_or_404(Product, pk=kwargs["product_pk"], is_public=True)
        if not selectors.is_verified_buyer(request.user, product):
            messages.warning(request, str(NotAVerifiedBuyer()))
            return redirect(product.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            self.object = services.submit_review(
                self.product, self.request.user, score=data["score"], title=data["title"], body=data["body"]
            )
        except ReviewRefused as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        response = redirect(self.get_success_url())
        self.send_signal(self.request, response, self.object)
        return response

    def get_success_url(self):
        if self.object.pending_moderation:
            messages.success(self.request, _("Thank you: your review will be published once approved."))
        else:
            messages.success(self.request, _("Thank you for reviewing this product"))
        return self.product.get_absolute_url()
