"""The language an order speaks to its customer: emails, invoices and credit notes."""

from django.conf import settings


def order_language(order):
    """The language the customer ordered in, as one of the site's languages (the default else)."""
    supported = {code for code, _name in settings.LANGUAGES}
    language = (order.language or "").lower()
    if language not in supported:
        language = language.split("-")[0]
    return language if language in supported else settings.LANGUAGE_CODE
