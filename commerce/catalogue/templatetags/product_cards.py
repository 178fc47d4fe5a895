from django import template

from commerce.catalogue.cards import render_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def product_cards(context, products):
    """The HTML of each product's card, in order (cached per card; see commerce/catalogue/cards.py)."""
    return render_cards(context, products)
