"""Experts shown by the experts block: the latest approved listed experts, kept in the page cache's
``experts`` tag (bumped by every expert approval or profile change)."""

from django.utils.translation import get_language

from commerce.core import pagecache
from commerce.experts.selectors import featured_experts as listed_featured


def featured_experts(count):
    """The ``count`` newest listed experts, with their domains (named in the active language)."""
    return pagecache.remember(
        f"cms:experts:{get_language()}:{count}",
        [pagecache.EXPERTS_TAG],
        lambda: list(listed_featured(count)),
    )
