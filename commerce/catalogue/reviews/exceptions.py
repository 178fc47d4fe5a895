from django.utils.translation import gettext as _


class ReviewRefused(Exception):
    """A review, moderation or reply that the rules refuse; the message says why."""


class NotAVerifiedBuyer(ReviewRefused):
    def __init__(self):
        super().__init__(_("Only customers who bought this product can review it."))


class AlreadyReviewed(ReviewRefused):
    def __init__(self):
        super().__init__(_("You have already reviewed this product."))


class NotAllowedToModerate(ReviewRefused):
    def __init__(self):
        super().__init__(_("You cannot moderate this review."))


class AlreadyReplied(ReviewRefused):
    def __init__(self):
        super().__init__(_("This review already has the seller's reply."))


class NotTheSeller(ReviewRefused):
    def __init__(self):
        super().__init__(_("Only the product's seller can reply to this review."))
