"""Order amounts as Stripe wants them.

Stripe counts TND in millimes (a three-decimal currency) and, for the three-decimal currencies,
requires the last digit to be 0: it can only charge multiples of 10 millimes. An order total such as
49.905 TND is therefore charged as 49.900 TND: we round *down*, so the shopper is never charged more
than the order total; the shop absorbs at most 9 millimes, and the amount really charged is stored
(``StripeCheckoutSession.amount``, the Stripe ``Source``) next to the order's exact total.
"""

from __future__ import annotations

from decimal import Decimal

from commerce.money.fields import to_millimes

#: Currencies counted in thousandths whose Stripe amounts must end in 0.
THREE_DECIMAL = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})
STEP = 10


class UnsupportedCurrency(ValueError):
    """The shop prices in TND; any other currency here is a programming error."""


def to_stripe_amount(amount: Decimal, currency: str) -> int:
    """Smallest units Stripe will charge for ``amount``: millimes, rounded down to a multiple of 10."""
    if currency.upper() not in THREE_DECIMAL:
        raise UnsupportedCurrency(currency)
    millimes = int(to_millimes(amount) * 1000)
    return millimes - millimes % STEP


def from_stripe_amount(value: int, currency: str) -> Decimal:
    if currency.upper() not in THREE_DECIMAL:
        raise UnsupportedCurrency(currency)
    return (Decimal(value) / 1000).quantize(Decimal("0.001"))
