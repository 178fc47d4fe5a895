"""Template helpers of the booking entries on product pages."""

from django import template

from commerce.bookings import selectors

register = template.Library()


@register.filter
def pays_at_appointment(product):
    """True when the service ``product``'s shop lets clients book it and pay at the appointment."""
    provider = selectors.provider_of_product(product)
    return bool(provider and provider.pay_at_appointment)
