"""Amounts: the capture split (the earner rounded down, the platform the rest), coins in TND."""

from hypothesis import given
from hypothesis import strategies as st

from commerce.wallet.services import split


def test_a_coin_splits_400_100():
    assert split(500) == (400, 100)


def test_odd_amounts_round_the_earner_down_and_the_platform_gets_the_remainder(settings):
    settings.WALLET_EXPERT_SHARE_PERCENT = 70
    assert split(1001) == (700, 301)


@given(millimes=st.integers(min_value=0, max_value=10**12), share=st.integers(min_value=0, max_value=100))
def test_nothing_is_lost_nor_made(millimes, share):
    from django.conf import settings

    previous = settings.WALLET_EXPERT_SHARE_PERCENT
    settings.WALLET_EXPERT_SHARE_PERCENT = share
    try:
        earned, kept = split(millimes)
    finally:
        settings.WALLET_EXPERT_SHARE_PERCENT = previous
    assert earned + kept == millimes
    assert 0 <= earned <= millimes * share / 100 < earned + 1


def test_coins_are_shown_in_tnd_to_the_millime():
    from commerce.wallet.selectors import coin_value, coins_in_tnd

    assert str(coin_value()) == "0.500"
    assert str(coins_in_tnd(7)) == "3.500"
