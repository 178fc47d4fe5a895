"""Billing periods as Stripe counts them, in the fake and in the app alike: months keep their day
(clamped at the month's end), a quarter is three months."""

from datetime import UTC, datetime

import pytest

from commerce.payment.stripe.fake.billing import add_interval
from commerce.subscriptions.models import Plan
from commerce.subscriptions.periods import shift


def at(*parts):
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "interval", "periods", "expected"),
    [
        (at(2026, 1, 31, 9), Plan.MONTH, 1, at(2026, 2, 28, 9)),
        (at(2026, 1, 15), Plan.QUARTER, 2, at(2026, 7, 15)),
        (at(2026, 12, 30), Plan.WEEK, 1, at(2027, 1, 6)),
        (at(2028, 2, 29), Plan.YEAR, 1, at(2029, 2, 28)),
    ],
)
def test_the_app_and_the_fake_count_periods_alike(start, interval, periods, expected):
    unit, count = Plan.STRIPE_INTERVALS[interval]

    assert shift(start, interval, periods) == expected
    assert add_interval(int(start.timestamp()), unit, count * periods) == int(expected.timestamp())
