"""Coins as people read them: "12 coins", "+10 coins", TND values, and the balance in the header."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext
from oscar.templatetags.currency_filters import currency

from commerce.wallet import selectors

register = template.Library()


#: Left-to-right isolate around a number and its sign, so "−10" keeps its sign before the digits
#: inside an Arabic sentence.
LTR_ISOLATE = "\u2066{}\u2069"


@register.simple_tag
def coins(count, sign=""):
    """``{% coins 12 %}`` → "12 coins" (plural rules of the page's language)."""
    number = LTR_ISOLATE.format(sign + number_format(abs(count))) if sign else number_format(count)
    return ngettext("%(count)s coin", "%(count)s coins", abs(count)) % {"count": number}


@register.simple_tag
def signed_coins(count):
    """``{% signed_coins -10 %}`` → "−10 coins": credits with a plus sign, debits with a minus sign."""
    return coins(count, sign="+" if count > 0 else "\u2212" if count < 0 else "")


@register.filter
def tnd(value):
    """A TND amount in the page's language, to the millime."""
    return currency(value, "TND")


@register.filter
def millimes_tnd(millimes):
    """A ledger amount (integer millimes) as TND."""
    return currency(Decimal(millimes or 0) / 1000, "TND")


@register.inclusion_tag("wallet/header_balance.html", takes_context=True)
def header_wallet_balance(context):
    """The signed-in user's available coins, linked to their wallet (one query; none for visitors)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {"show": True, "coins": selectors.available_coins(user), "active": _on_wallet_page(request)}


def _on_wallet_page(request):
    match = getattr(request, "resolver_match", None)
    return bool(match and match.view_name == "wallet:wallet")
