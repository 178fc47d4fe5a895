"""The seller's reviews page: reviews of its products, to approve or reject (when sellers moderate,
``REVIEWS_MODERATED_BY``) and to answer once, publicly. Only parses input and calls the services."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from commerce.catalogue.reviews import selectors, services
from commerce.catalogue.reviews.exceptions import ReviewRefused


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your public reply"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewsView(generic.ListView):
    template_name = "oscar/dashboard/shop/reviews.html"
    context_object_name = "reviews"
    paginate_by = 30

    def get_queryset(self):
        return selectors.reviews_for_seller(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for review in context["reviews"]:
            review.may_moderate = review.pending_moderation and selectors.can_moderate(
                self.request.user, review
            )
        context["reply_form"] = ReplyForm()
        return context

    def post(self, request, *args, **kwargs):
        review = self.get_queryset().filter(pk=request.POST.get("review")).first()
        if review is None:
            raise Http404
        action = request.POST.get("action")
        try:
            if action in ("approve", "reject"):
                services.moderate(review, by=request.user, approve=action == "approve")
                messages.success(
                    request, _("Review published.") if action == "approve" else _("Review rejected.")
                )
            elif action == "reply":
                form = ReplyForm(request.POST)
                if not form.is_valid():
                    for error in form.errors.get("text", []):
                        messages.error(request, error)
                    return redirect("dashboard:shop-reviews")
                services.reply(review, by=request.user, text=form.cleaned_data["text"])
                messages.success(request, _("Your reply is published under the review."))
        except ReviewRefused as refused:
            messages.error(request, str(refused))
        return redirect("dashboard:shop-reviews")
