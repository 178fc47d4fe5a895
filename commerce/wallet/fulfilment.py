"""Coin packs, the product class "coin-pack" (attribute "coins"): paying a line credits the buyer's
wallet with coins × quantity from coin sales; refunding it takes back only coins still unspent.

Registered in the fulfilment registry by ``WalletConfig.ready``.
"""

import logging

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from commerce.fulfilment.exceptions import RevokeRefused
from commerce.fulfilment.registry import register

from . import services
from .exceptions import InsufficientCoins
from .models import Account, Transaction

log = logging.getLogger(__name__)

#: The product class slug and the attribute code of coin packs (commerce/demo/catalogue_data.py).
COIN_PACK = "coin-pack"
COINS_ATTRIBUTE = "coins"


def register_coin_packs():
    register(
        COIN_PACK, fulfil=credit_pack, revoke=take_back_pack, restore=give_back_pack, requires_account=True
    )


def pack_coins(product):
    """Coins in one unit of the coin pack ``product`` (its "coins" attribute)."""
    value = product.attribute_values.filter(attribute__code=COINS_ATTRIBUTE).first()
    return int(value.value) if value is not None and value.value else 0


def credit_key(line):
    """The idempotency key of the credit of one order line: a line is credited once."""
    return f"coin-pack:line:{line.pk}"


def credit_pack(line):
    """Credit the buyer's wallet with the line's coins (key per order line)."""
    order = line.order
    coins = pack_coins(line.product) * line.quantity
    if order.user_id is None or coins <= 0:
        log.error(
            "Order %s line %s: coin pack not credited (buyer %s, %s coins)",
            order.number,
            line.pk,
            order.user_id,
            coins,
        )
        return
    services.credit_coins(
        order.user, coins, source="cash_in", key=credit_key(line), memo=line.title, reference=order.number
    )


def take_back_pack(line, quantity, *, limit, key):
    """Take back the coins of ``quantity`` units of the line from the wallet before their refund.

    Only unspent coins come back: when the wallet no longer holds all of them (spent, on hold),
    the refund is refused, or with ``limit`` reduced to the whole packs the wallet still covers.
    Returns the units whose coins were taken back.
    """
    credit = Transaction.objects.filter(idempotency_key=credit_key(line)).first()
    if credit is None:
        return quantity  # never credited: nothing to take back
    credited = credit.entries.get(account__kind=Account.Kind.WALLET).amount // settings.WALLET_COIN_MILLIMES
    per_unit = credited // line.quantity
    user = line.order.user
    memo = line.title
    try:
        services.return_unspent_coins(
            user, per_unit * quantity, key=key, memo=memo, reference=line.order.number
        )
        return quantity
    except InsufficientCoins as error:
        units = min(quantity, error.available // per_unit)
        if not limit or units == 0:
            raise RevokeRefused(_refused_message(line, per_unit * quantity, error.available)) from error
    services.return_unspent_coins(user, per_unit * units, key=key, memo=memo, reference=line.order.number)
    return units


def give_back_pack(line, quantity, *, key):
    """The refund the coins were taken back for failed: they return to the wallet."""
    taken = Transaction.objects.filter(idempotency_key=key, kind=Transaction.Kind.REFUND).first()
    if taken is None:
        return
    coins = taken.entries.get(account__kind=Account.Kind.CASH_IN).amount // settings.WALLET_COIN_MILLIMES
    services.restore_refunded_coins(
        line.order.user, coins, key=f"{key}:restored", memo=line.title, reference=line.order.number
    )


def _refused_message(line, needed, available):
    if not available:
        return _("“%(title)s”: every coin of this pack was spent or is on hold; nothing can be refunded.") % {
            "title": line.title
        }
    return ngettext(
        "“%(title)s”: %(needed)d coins would be taken back but the wallet holds only %(available)d "
        "unspent coin. Refund fewer packs, or limit the refund to the unspent coins.",
        "“%(title)s”: %(needed)d coins would be taken back but the wallet holds only %(available)d "
        "unspent coins. Refund fewer packs, or limit the refund to the unspent coins.",
        available,
    ) % {"title": line.title, "needed": needed, "available": available}
