"""VAT is broken out of tax-inclusive TND prices exactly to the millime."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commerce.money.fields import MILLIME
from commerce.partner.strategy import split_inclusive_price

RATES = [Decimal("0.19"), Decimal("0.13"), Decimal("0.07"), Decimal("0")]
prices = st.integers(min_value=0, max_value=999_999_999).map(lambda millimes: Decimal(millimes) * MILLIME)


@given(price=prices, rate=st.sampled_from(RATES))
def test_excl_tax_plus_tax_is_exactly_the_price_typed_by_the_seller(price, rate):
    excl_tax, tax = split_inclusive_price(price, rate)
    assert excl_tax + tax == price
    assert excl_tax.as_tuple().exponent == -3
    assert tax.as_tuple().exponent >= -3


@given(price=prices, rate=st.sampled_from(RATES))
def test_excl_tax_is_the_nearest_millime_to_the_true_value(price, rate):
    excl_tax, _tax = split_inclusive_price(price, rate)
    exact = price / (1 + rate)
    assert abs(excl_tax - exact) <= MILLIME / 2


@pytest.mark.parametrize(
    ("price", "rate", "expected"),
    [
        (Decimal("119.000"), Decimal("0.19"), (Decimal("100.000"), Decimal("19.000"))),
        (Decimal("45.000"), Decimal("0.19"), (Decimal("37.815"), Decimal("7.185"))),
        (Decimal("0.001"), Decimal("0.19"), (Decimal("0.001"), Decimal("0.000"))),
        (Decimal("10.700"), Decimal("0.07"), (Decimal("10.000"), Decimal("0.700"))),
        (Decimal("12.345"), Decimal("0"), (Decimal("12.345"), Decimal("0.000"))),
    ],
)
def test_known_invoice_figures(price, rate, expected):
    assert split_inclusive_price(price, rate) == expected
