"""Blocks with a form visitors fill in: the newsletter sign-up."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import StructBlock, public_paths


class NewsletterBlock(StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=100)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)
    button_label = blocks.CharBlock(label=_("Button label"), required=False, max_length=40)

    def get_context(self, value, parent_context=None):
        import uuid

        context = super().get_context(value, parent_context)
        context["block_id"] = uuid.uuid4().hex[:8]
        return context

    class Meta:
        icon = "mail"
        template = "cms_core/blocks/newsletter.html"
        description = _(
            "An email sign-up form; subscribers confirm by email and can unsubscribe at any time."
        )
        preview_value = {"title": "Restez informé", "text": "Nouveautés et promotions, une fois par mois."}


DECONSTRUCT_ALIASES = public_paths(NewsletterBlock)
