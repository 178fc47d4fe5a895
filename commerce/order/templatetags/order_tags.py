from django import template

from commerce.order import selectors, statuses

register = template.Library()


@register.filter
def order_status(value):
    """A status code ("paid") as the customer reads it, in the active language ("Payée")."""
    return statuses.label(value)


@register.filter
def order_progress(order):
    """ "Partly shipped: 1 of 3 items" when the order's status alone does not tell it."""
    return selectors.progress(order)


@register.filter
def variant_attributes(line):
    """The chosen variant's ``(name, value)`` pairs (size, colour …) of an order line."""
    return selectors.variant_attributes(line)


@register.filter
def variant_summary(line):
    """The chosen variant as one phrase: "Size: M, Colour: Red"."""
    return selectors.variant_summary(line)
