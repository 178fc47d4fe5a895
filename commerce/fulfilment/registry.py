"""One fulfilment step per product class, registered by the app that delivers that class.

The wallet registers coin packs (credit coins); the digital, bookings and subscriptions issues
register their classes here the same way (grant downloads, confirm the booking, start the period):

    register("coin-pack", fulfil=credit_pack, revoke=take_back_pack, restore=give_back_pack,
             requires_account=True)

Registering keeps ``commerce.order``, ``checkout`` and ``payment`` free of any domain app: they
call ``commerce.fulfilment.services``, which finds the step here.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """What a product class does when one of its order lines is paid, and undoes when refunded.

    ``fulfil(line)``: deliver the whole line (runs once per line, inside the payment's transaction;
    it should be idempotent too, keyed on the line). ``revoke(line, quantity, *, limit, key)``:
    take back ``quantity`` units before they are refunded; return how many units it took back
    (``quantity``, or fewer when ``limit`` allows it), or raise ``RevokeRefused`` with a message for
    the admin. ``restore(line, quantity, *, key)``: give them back when that refund then failed.
    ``requires_account``: guests cannot buy the class (it is delivered to an account).
    ``check(basket_line)``: a message for the shopper when the line cannot be ordered as it is
    (a service without its held slot), else None; run by the checkout before the order is placed.
    """

    product_class: str
    fulfil: Callable
    revoke: Callable | None = None
    restore: Callable | None = None
    requires_account: bool = False
    check: Callable | None = None


_steps = {}


def register(product_class_slug, *, fulfil, revoke=None, restore=None, requires_account=False, check=None):
    """Make ``fulfil`` (and its undo) the step of the product class ``product_class_slug``.

    Called from the delivering app's ``AppConfig.ready``; registering a class twice replaces its step.
    """
    _steps[product_class_slug] = Step(product_class_slug, fulfil, revoke, restore, requires_account, check)


def step_for(product):
    """The step of ``product``'s class, or None (the class delivers nothing by itself)."""
    if product is None:
        return None
    product_class = product.get_product_class()
    return _steps.get(product_class.slug) if product_class else None
