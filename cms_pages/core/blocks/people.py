"""Blocks about people: customers' testimonials and verified experts."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import SnippetChooserBlock, StructBlock, public_paths


class TestimonialsBlock(StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    testimonials = blocks.ListBlock(
        SnippetChooserBlock("cms_core.Testimonial"), label=_("Testimonials"), min_num=1, max_num=6
    )

    class Meta:
        icon = "openquote"
        template = "cms_core/blocks/testimonials.html"
        description = _("Customer quotes chosen from the testimonials library (translated with the page).")


class ExpertCardsBlock(StructBlock):
    """Cards of verified experts; shows nothing until the experts module provides them (never fake data)."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    count = blocks.IntegerBlock(label=_("How many"), default=4, min_value=1, max_value=12)

    def get_context(self, value, parent_context=None):
        from ..experts import featured_experts

        context = super().get_context(value, parent_context)
        context["experts"] = featured_experts(value["count"])
        return context

    class Meta:
        icon = "group"
        template = "cms_core/blocks/experts.html"
        description = _("Verified experts with their speciality and price (appears once experts exist).")


DECONSTRUCT_ALIASES = public_paths(TestimonialsBlock, ExpertCardsBlock)
