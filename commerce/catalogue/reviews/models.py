"""Oscar's review, plus whether its author bought the product and the seller's one public reply."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews.abstract_models import AbstractProductReview


class ProductReview(AbstractProductReview):
    #: The author had a delivered or paid order line of the product when writing (the badge).
    verified_purchase = models.BooleanField(_("verified purchase"), default=False)
    seller_reply = models.TextField(_("seller's reply"), blank=True)
    seller_replied_at = models.DateTimeField(_("seller replied at"), null=True, blank=True)
    seller_replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    @property
    def reviewer_name(self):
        """ "Nadia T.": a first name and an initial, never a full name or an email address."""
        user = self.user
        first, last = (user.first_name, user.last_name) if user else (self.name, "")
        first = (first or "").strip()
        if not first:
            return str(_("A customer"))
        initial = (last or "").strip()[:1]
        return f"{first} {initial.upper()}." if initial else first


from oscar.apps.catalogue.reviews.models import *  # noqa: E402, F403 isort:skip
