"""The totals under the lines of the staff's order page: one row each, labelled, its amounts
excluding and including tax under their columns, the totals set as headings."""

import re

import pytest
from oscar.templatetags.currency_filters import currency

from commerce.users.roles import PLATFORM_ADMINS
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def totals_row(label, excl, incl, cell):
    return re.compile(
        rf"<tr>\s*<td colspan=\"8\"></td>\s*<th>{re.escape(label)}</th>\s*"
        rf"<{cell} class=\"text-right\">{re.escape(excl)}</{cell}>\s*"
        rf"<{cell} class=\"text-right\">{re.escape(incl)}</{cell}>\s*<td></td>\s*</tr>"
    )


def money(amount, order):
    return currency(amount, order.currency)


def test_the_staff_order_page_lists_each_total_under_its_columns(client, two_shop_order):
    # given: an order of three lines from two sellers, no discount
    order = two_shop_order.order
    client.force_login(make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True))

    # when: platform staff open it in the dashboard
    page = client.get(f"/dashboard/orders/{order.number}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    # then: the discount row, then the basket, shipping and order totals, each once
    rows = [
        ("Discount", order.total_discount_excl_tax, order.total_discount_incl_tax, "td"),
        ("Basket total", order.basket_total_excl_tax, order.basket_total_incl_tax, "th"),
        ("Shipping total", order.shipping_excl_tax, order.shipping_incl_tax, "th"),
        ("Order total", order.total_excl_tax, order.total_incl_tax, "th"),
    ]
    counts = [
        len(totals_row(label, money(excl, order), money(incl, order), cell).findall(page))
        for label, excl, incl, cell in rows
    ]
    assert counts == [1, 1, 1, 1]
    assert order.total_incl_tax > 0
