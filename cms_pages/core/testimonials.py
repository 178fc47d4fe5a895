"""Testimonials shown by a page's testimonials blocks, read in one query and kept in the page cache
until a testimonial or an image is saved or deleted (``caching.TESTIMONIALS_TAG``)."""

from commerce.core import pagecache

from . import caching


def testimonials_in_bulk(ids):
    """{id: testimonial, with its photo} for the testimonials blocks of a page."""
    from .models import Testimonial

    ids = sorted(ids)
    return pagecache.remember(
        "cms:testimonials:" + ",".join(map(str, ids)),
        [caching.TESTIMONIALS_TAG],
        lambda: Testimonial.objects.select_related("photo").in_bulk(ids),
    )
