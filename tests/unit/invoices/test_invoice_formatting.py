"""Pure helpers of the invoices: VAT rate behind rounded amounts, numbers, text for PDFs."""

from decimal import Decimal

import pytest
from django.utils import translation

from commerce.invoices.services import format_number, line_vat_rate, vat_rate
from commerce.invoices.templatetags.invoice_tags import css_string, isolate, money, percent


@pytest.mark.parametrize(
    ("excl_tax", "incl_tax", "quantity", "rate"),
    [
        ("100.000", "119.000", 1, "0.19"),
        ("0.840", "1.000", 1, "0.19"),  # 1.000 TTC: 0.840 + 0.160, rounding at the millime
        ("2.521", "3.000", 1, "0.19"),
        ("7.563", "9.000", 3, "0.19"),  # three units of 3.000 TTC, rounded per unit
        ("88.496", "100.000", 1, "0.13"),
        ("93.458", "100.000", 1, "0.07"),
        ("50.000", "50.000", 2, "0"),
        ("0.000", "0.000", 1, "0.19"),
    ],
)
def test_the_vat_rate_is_found_behind_amounts_rounded_to_the_millime(excl_tax, incl_tax, quantity, rate):
    assert vat_rate(Decimal(excl_tax), Decimal(incl_tax), quantity) == Decimal(rate)


def test_an_unknown_rate_is_kept_to_a_hundredth_of_a_percent():
    assert vat_rate(Decimal("100.000"), Decimal("105.500"), 1) == Decimal("0.0550")


def test_the_line_tax_code_wins_over_the_amounts():
    assert line_vat_rate("reduced", Decimal("0.000"), Decimal("0.000"), 1) == Decimal("0.07")


def test_a_line_without_tax_code_falls_back_on_its_amounts():
    assert line_vat_rate("", Decimal("93.458"), Decimal("100.000"), 1) == Decimal("0.07")


def test_invoice_numbers_are_prefix_series_year_and_six_digits(settings):
    settings.INVOICES_NUMBER_PREFIX = "F"
    assert format_number("S7", 2026, 123) == "F-S7-2026-000123"


@pytest.mark.parametrize(
    ("language", "amount", "expected"),
    [
        ("fr", "119", "119,000\xa0TND"),
        ("en", "1234.5", "TND1,234.500"),
        ("ar", "7", "\u200f7.000\xa0د.ت.\u200f"),
    ],
)
def test_amounts_have_three_decimals_in_every_language(language, amount, expected):
    with translation.override(language):
        assert money(Decimal(amount), "TND") == expected


def test_percentages_follow_the_language():
    with translation.override("fr"):
        assert percent(Decimal("0.19")) == "19\xa0%"
        assert percent(Decimal("0.135")) == "13,5\xa0%"
    with translation.override("en"):
        assert percent("0.07") == "7%"


def test_text_in_a_css_string_cannot_break_out():
    escaped = css_string('Dar "Nabeul" </style><script>')
    assert '"' not in escaped.replace("\\22 ", "")
    assert "<" not in escaped and ">" not in escaped


def test_isolated_text_keeps_its_direction_and_is_escaped():
    assert isolate("+216 20 123 456") == "\u2068+216 20 123 456\u2069"
    assert isolate("<b>") == "\u2068&lt;b&gt;\u2069"
    assert isolate("") == ""
