"""Template tags for the page chrome shared by Wagtail, Oscar and allauth pages."""

from django import template
from wagtail.models import Page

from commerce.core.i18n import alternate_urls

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in every site language (the Wagtail translation when there is one)."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    return alternate_urls(request, page if isinstance(page, Page) else None)
