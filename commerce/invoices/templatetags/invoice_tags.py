"""Amounts and rates written the way the current language writes them (TND to the millime)."""

from decimal import Decimal, InvalidOperation

from babel.numbers import format_percent
from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale
from oscar.templatetags.currency_filters import currency

register = template.Library()


@register.filter
def money(value, currency_code=None):
    """``119,000 TND`` in French, ``TND119.000`` in English (Oscar's currency filter; TND has 3 decimals)."""
    return currency(value, currency_code or settings.OSCAR_DEFAULT_CURRENCY)


@register.filter
def percent(rate):
    """A rate given as a fraction (0.19) as a percentage in the current language: ``19 %``."""
    try:
        rate = Decimal(str(rate))
    except (InvalidOperation, TypeError):
        return ""
    return format_percent(
        rate, locale=to_locale(get_language() or settings.LANGUAGE_CODE), decimal_quantization=False
    )


@register.filter
def css_string(value):
    """Text safe inside a double-quoted CSS string of a ``<style>`` element (page headers, footers)."""
    escaped = []
    for char in str(value):
        if char in "\\\"<>&'" or ord(char) < 32:
            escaped.append(f"\\{ord(char):x} ")
        else:
            escaped.append(char)
    return mark_safe("".join(escaped))  # noqa: S308 - every special character is escaped above


@register.simple_tag
def order_invoice_links(order, verification_hash=None):
    """``[{"number", "vendor", "url"}]`` of the order's invoices, for its owner or a guest's signed link."""
    from commerce.invoices.selectors import invoice_links

    return invoice_links(order, verification_hash or None)


@register.filter
def isolate(value):
    """Text that keeps its own direction inside a paragraph of the other one (FSI … PDI, like ``dir=auto``).

    An address or phone number typed in Latin script inside an Arabic page (``+216…``, ``12 rue …``)
    is otherwise reordered by the page's right-to-left direction.
    """
    if value in (None, ""):
        return ""
    return format_html("\u2068{}\u2069", value)
