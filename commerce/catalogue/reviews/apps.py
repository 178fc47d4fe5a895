"""Oscar's product reviews, forked: only verified buyers review, reviews wait for moderation (by
the product's seller or the platform, ``REVIEWS_MODERATED_BY``), show a first name and an initial,
and the seller may answer each one once, publicly (see services.py)."""

import oscar.apps.catalogue.reviews.apps as apps


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    name = "commerce.catalogue.reviews"
