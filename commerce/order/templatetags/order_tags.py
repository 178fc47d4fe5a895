from django import template

from commerce.order import statuses

register = template.Library()


@register.filter
def order_status(value):
    """A status code ("paid") as the customer reads it, in the active language ("Payée")."""
    return statuses.label(value)
