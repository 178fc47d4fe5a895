"""Reading one CSV cell: prices to the millime, whole units, the dashboard menu."""

from decimal import Decimal

import pytest

from commerce.dashboard.navigation import (
    PHONES_MENU_ENTRY,
    SHOP_SECTION,
    WALLET_SECTION,
    dashboard_navigation,
)
from commerce.experts.dashboard.access import EXPERTS_MENU_ENTRY
from commerce.partner.stock_csv import _price
from commerce.payouts.menu import PAYOUTS_MENU_ENTRY


@pytest.mark.parametrize(
    ("raw", "price"),
    [("45", Decimal("45")), ("45.5", Decimal("45.5")), ("61,250", Decimal("61.250")), ("0", Decimal("0"))],
)
def test_prices_are_read_with_a_dot_or_a_comma(raw, price):
    errors = []
    assert _price(2, raw, errors) == price
    assert errors == []


@pytest.mark.parametrize("raw", ["abc", "-1", "1.0001", "NaN", "Infinity", "123456789012"])
def test_bad_prices_are_reported_on_their_line(raw):
    errors = []
    assert _price(7, raw, errors) is None
    assert [line for line, _ in errors] == [7]


def test_an_empty_price_leaves_the_price_alone():
    errors = []
    assert _price(3, "", errors) is None
    assert errors == []


def test_the_shop_section_follows_the_catalogue_and_the_wallet_experts_and_payouts_end_the_dashboard_menu():
    oscar = [{"label": "Dashboard"}, {"label": "Catalogue"}, {"label": "Fulfilment"}]
    assert dashboard_navigation(oscar) == [
        oscar[0],
        oscar[1],
        SHOP_SECTION,
        oscar[2],
        WALLET_SECTION,
        EXPERTS_MENU_ENTRY,
        PHONES_MENU_ENTRY,
        PAYOUTS_MENU_ENTRY,
    ]
