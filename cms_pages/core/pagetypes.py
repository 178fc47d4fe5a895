"""Mixins shared by the page types built on the block library."""

from wagtail.models import PageViewRestriction

from commerce.core import pagecache

from . import caching
from .products import CommerceLoader


class CommercePageMixin:
    """Loads the products of every commerce block of ``body`` in one batch for the templates."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["commerce"] = CommerceLoader.for_stream(self.body)
        return context

    @property
    def starts_with_hero(self):
        raw = getattr(self.body, "raw_data", None) or []
        return bool(raw) and raw[0].get("type") == "hero"


class ViewRestrictionCacheMixin:
    """Spares the two queries Wagtail spends on every request to find the page's view restrictions.

    Wagtail's ``check_view_restrictions`` hook asks the served page for the restrictions on it and
    its ancestors (the ancestors with their aliases, then the restrictions). Whether any applies is
    remembered per page until a page, a restriction or a site changes (the ``pages`` tag); when one
    applies, Wagtail's own queryset is returned and Wagtail enforces it as usual.
    """

    def get_view_restrictions(self):
        restrictions = super().get_view_restrictions
        if self.pk is None:
            return restrictions()
        if not pagecache.remember(
            f"cms:restricted:{self.pk}", [caching.PAGES_TAG], lambda: restrictions().exists()
        ):
            return PageViewRestriction.objects.none()
        return restrictions()
