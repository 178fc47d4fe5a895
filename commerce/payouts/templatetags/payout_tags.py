"""Millimes shown as TND, and bar widths for the server-drawn charts."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def tnd(millimes):
    """``12345`` → ``"12,345"`` (in the active locale's separators), three decimals."""
    return number_format((millimes or 0) / 1000, decimal_pos=3, use_l10n=True, force_grouping=True)


@register.filter
def percent_of(value, largest):
    """``value`` as a percentage of ``largest`` (0–100, for a bar's length)."""
    return round(100 * (value or 0) / largest) if largest else 0
