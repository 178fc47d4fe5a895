"""Model fields for amounts: TND has three decimals (1 dinar = 1000 millimes), Oscar's fields two.

Every Oscar fork that stores an amount redeclares its fields with ``money_field`` so baskets,
orders, payments, offers and shipping charges are exact to the millime.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models

#: Digits after the decimal point of every stored amount (TND: millimes).
MONEY_DECIMAL_PLACES = 3
MONEY_MAX_DIGITS = 12
ZERO = Decimal("0.000")
MILLIME = Decimal("0.001")


def money_field(verbose_name, **kwargs):
    """A ``DecimalField`` sized for TND amounts (12 digits, 3 decimals)."""
    return models.DecimalField(
        verbose_name, max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, **kwargs
    )


def to_millimes(amount):
    """Round an amount half-up to the millime (the way a Tunisian invoice rounds)."""
    return Decimal(amount).quantize(MILLIME, rounding=ROUND_HALF_UP)
