from django import template

from commerce.catalogue.navigation import header_categories

register = template.Library()


@register.simple_tag
def navigation_categories():
    """The header's category links (cached; see commerce/catalogue/navigation.py)."""
    return header_categories()
