from django import template

from commerce.catalogue.reviews import selectors

register = template.Library()


@register.filter
def may_review(product, user):
    """The "Write a review" button: only for a verified buyer who has not reviewed it yet."""
    return selectors.may_review(user, product)
