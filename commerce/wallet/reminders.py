"""The "top up your coins" reminder (seed 003, "rappels de paiement"), told through ``notify()``.

After a spend (a hold took coins from a wallet) the ledger calls ``remind_if_low`` once the spend
has committed. When the balance is now under ``WALLET_LOW_BALANCE_COINS`` the owner is told, once
per top-up: the notification's key names the wallet's latest incoming entry, so further spends
before the next credit find the same notification, and a new credit (a pack bought, a grant,
coins given back) lets the next dip be told again. Channels follow the person's preferences.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, WEBPUSH, Event, register

from .models import Account, Entry
from .selectors import available_coins

LOW_BALANCE = "wallet.low_balance"


def _render(context):
    """The notice in the recipient's language, leading to their wallet page in that language."""
    coins = context["coins"]
    return {
        "title": ngettext(
            "Your wallet is down to %(coins)d coin", "Your wallet is down to %(coins)d coins", coins
        )
        % {"coins": coins},
        "body": str(_("Top up your coins to keep asking experts and booking calls.")),
        "url": reverse("wallet:wallet"),
    }


register(
    Event(
        code=LOW_BALANCE,
        label=_("Low coin balance"),
        render=_render,
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    )
)


def remind_if_low(user):
    """Tell ``user`` their balance is low if it is under the threshold (0 turns reminders off);
    returns the notification, or ``None`` when there is nothing to tell."""
    threshold = settings.WALLET_LOW_BALANCE_COINS
    if threshold <= 0:
        return None
    coins = available_coins(user)
    if coins >= threshold:
        return None
    last_credit = (
        Entry.objects.filter(account__user=user, account__kind=Account.Kind.WALLET, amount__gt=0)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if last_credit is None:  # never had coins: nothing was spent down
        return None
    return notify(user, LOW_BALANCE, {"coins": coins}, key=f"{LOW_BALANCE}:{user.pk}:{last_credit}")
