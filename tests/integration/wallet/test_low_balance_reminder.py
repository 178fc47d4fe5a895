"""The "top up your coins" reminder: told once when a spend leaves the balance under the threshold."""

import pytest

from commerce.notifications.models import Notification
from commerce.wallet import reminders, services
from tests.factories.wallet import wallet_with


@pytest.fixture(autouse=True)
def threshold(settings):
    settings.WALLET_LOW_BALANCE_COINS = 10


def spend(user, coins, key):
    hold = services.hold(user, coins, reference="Question", key=key)
    return reminders.remind_if_low(user), hold


def test_a_spend_under_the_threshold_tells_the_owner_once(shopper):
    # given: 30 coins
    wallet_with(shopper, 30)
    # when: a spend leaves 25 (above 10): nothing is told
    assert spend(shopper, 5, "q-1")[0] is None
    # and a spend leaves 8, then another leaves 6
    first, _hold = spend(shopper, 17, "q-2")
    second, _hold = spend(shopper, 2, "q-3")
    # then: one notification, which says the balance when it was told and leads to the wallet
    assert first is not None and second.pk == first.pk
    assert Notification.objects.filter(recipient=shopper, event=reminders.LOW_BALANCE).count() == 1
    assert "8" in first.title
    assert first.url.endswith("/accounts/wallet/")


def test_a_top_up_lets_the_next_dip_be_told_again(shopper):
    wallet_with(shopper, 12)
    spend(shopper, 5, "q-1")
    wallet_with(shopper, 20)  # 27 coins
    told, _hold = spend(shopper, 20, "q-2")  # 7 left
    assert told is not None
    assert Notification.objects.filter(recipient=shopper, event=reminders.LOW_BALANCE).count() == 2


def test_coins_given_back_do_not_tell_again_without_a_new_dip(shopper):
    wallet_with(shopper, 12)
    _told, hold = spend(shopper, 5, "q-1")
    services.void(hold)  # 12 again
    assert reminders.remind_if_low(shopper) is None


def test_a_shopper_who_never_had_coins_is_not_reminded(shopper):
    assert reminders.remind_if_low(shopper) is None


def test_a_threshold_of_zero_turns_reminders_off(settings, shopper):
    settings.WALLET_LOW_BALANCE_COINS = 0
    wallet_with(shopper, 12)
    assert spend(shopper, 10, "q-1")[0] is None


def test_the_reminder_reads_in_the_owners_language(shopper):
    type(shopper).objects.filter(pk=shopper.pk).update(language="ar")
    shopper.refresh_from_db()
    wallet_with(shopper, 12)
    told, _hold = spend(shopper, 5, "q-1")
    assert told.language == "ar"
    assert told.url == "/ar/accounts/wallet/"
    assert "7" in told.title and "coins" not in told.title


def test_the_hold_itself_reminds_once_it_has_committed(shopper, django_capture_on_commit_callbacks):
    # given: 12 coins
    wallet_with(shopper, 12)
    # when: a hold leaves 4, through the service alone
    with django_capture_on_commit_callbacks(execute=True):
        services.hold(shopper, 8, reference="Question", key="q-1")
    # then: the owner was told after the commit
    assert Notification.objects.filter(recipient=shopper, event=reminders.LOW_BALANCE).count() == 1
