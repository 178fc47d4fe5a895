"""Payout accounting for experts: earnings leave for the payouts account, with the optional 15 %
withheld at source to the tax-withheld account, exact to the millime, never more than earned."""

import pytest

from commerce.wallet import services
from commerce.wallet.exceptions import InsufficientEarnings
from commerce.wallet.models import Account
from commerce.wallet.selectors import reconcile
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def earned(shopper, expert):
    """The expert earned 30 coins × 400 millimes = 12.000 TND."""
    wallet_with(shopper, 30)
    services.capture(services.hold(shopper, 30, reference="Call", key="c1"), earner=expert)
    return Account.objects.get(kind="earnings", user=expert)


def balances():
    return dict(
        Account.objects.with_current_balance().filter(user=None).values_list("kind", "current_balance")
    )


def test_a_payout_with_withholding_sends_15_percent_to_tax_withheld(earned, expert):
    services.record_payout(expert, 10_001, withhold_tax=True, key="payout-1")

    assert Account.objects.get(pk=earned.pk).balance == 1_999
    assert balances()["tax_withheld"] == 1_500  # floor(10 001 × 15 / 100)
    assert balances()["payouts"] == 8_501
    assert reconcile().ok


def test_a_payout_without_withholding_pays_it_all_and_never_more_than_earned(earned, expert):
    services.record_payout(expert, 12_000, withhold_tax=False, key="payout-1")
    assert services.record_payout(expert, 12_000, withhold_tax=False, key="payout-1")  # replayed: once

    with pytest.raises(InsufficientEarnings):
        services.record_payout(expert, 1, withhold_tax=False, key="payout-2")

    assert Account.objects.get(pk=earned.pk).balance == 0
    assert balances()["payouts"] == 12_000
    assert reconcile().ok
