"""TND in Stripe: millimes, and only multiples of 10 — never more than the order total."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commerce.payment.stripe.amounts import UnsupportedCurrency, from_stripe_amount, to_stripe_amount


@pytest.mark.parametrize(
    ("total", "charged"),
    [("49.900", 49900), ("49.905", 49900), ("49.909", 49900), ("0.010", 10), ("1234.567", 1234560)],
)
def test_totals_are_charged_in_millimes_rounded_down_to_ten(total, charged):
    assert to_stripe_amount(Decimal(total), "TND") == charged


def test_amounts_come_back_as_dinars_to_the_millime():
    assert from_stripe_amount(49900, "tnd") == Decimal("49.900")


def test_other_currencies_are_refused():
    with pytest.raises(UnsupportedCurrency):
        to_stripe_amount(Decimal("10.00"), "EUR")


@given(st.integers(min_value=0, max_value=10**11))
def test_the_charge_ends_in_zero_and_is_at_most_nine_millimes_under_the_total(millimes):
    total = Decimal(millimes) / 1000
    charged = to_stripe_amount(total, "TND")
    assert charged % 10 == 0
    assert Decimal(0) <= total - from_stripe_amount(charged, "TND") <= Decimal("0.009")
