"""Named changes of reviews: a verified buyer submits one, a moderator approves or rejects it, the
seller replies once. Each checks its rule here (not in a view) and raises ``ReviewRefused``."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from . import selectors
from .exceptions import (
    AlreadyReplied,
    AlreadyReviewed,
    NotAllowedToModerate,
    NotAVerifiedBuyer,
    NotTheSeller,
)

ProductReview = get_model("reviews", "ProductReview")


@transaction.atomic
def submit_review(product, user, *, score, title, body):
    """A verified buyer's review, held for moderation when ``REVIEWS_MODERATED_BY`` is set."""
    if not selectors.is_verified_buyer(user, product):
        raise NotAVerifiedBuyer
    if not selectors.may_review(user, product):
        raise AlreadyReviewed
    status = ProductReview.FOR_MODERATION if settings.REVIEWS_MODERATED_BY else ProductReview.APPROVED
    return ProductReview.objects.create(
        product=product, user=user, score=score, title=title, body=body, status=status, verified_purchase=True
    )


@transaction.atomic
def moderate(review, *, by, approve):
    """Publish (``approve``) or reject a review; the product's rating follows (Oscar's save)."""
    review = ProductReview.objects.select_for_update().get(pk=review.pk)
    if not selectors.can_moderate(by, review):
        raise NotAllowedToModerate
    review.status = ProductReview.APPROVED if approve else ProductReview.REJECTED
    review.save()
    return review


@transaction.atomic
def reply(review, *, by, text):
    """The seller's one public answer: a second one is refused, even when two arrive at once."""
    if not selectors.sells(by, review.product):
        raise NotTheSeller
    updated = ProductReview.objects.filter(pk=review.pk, seller_reply="").update(
        seller_reply=text.strip(), seller_replied_at=timezone.now(), seller_replied_by=by
    )
    if not updated:
        raise AlreadyReplied
    return ProductReview.objects.get(pk=review.pk)
