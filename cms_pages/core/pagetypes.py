"""Mixins shared by the page types built on the block library."""

from .selectors import CommerceLoader


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
