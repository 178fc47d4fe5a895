from django import template

from commerce.catalogue.navigation import header_categories, sidebar_categories
from commerce.catalogue.navigation import product_trail as trail_of

register = template.Library()


@register.simple_tag
def navigation_categories():
    """The header's category links (cached; see commerce/catalogue/navigation.py)."""
    return header_categories()


@register.simple_tag
def product_trail(product):
    """The product's category breadcrumb (cached; see commerce/catalogue/navigation.py)."""
    return trail_of(product)


@register.simple_tag
def category_sidebar(depth=2):
    """The catalogue sidebar's category tree (cached; see commerce/catalogue/navigation.py)."""
    return sidebar_categories(depth)
