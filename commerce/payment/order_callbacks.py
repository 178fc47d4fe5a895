"""What payment asks of the order a payment belongs to, without importing checkout.

Payment settles money; what an order does once it is paid (confirm it, invoice it, fulfil it) or
once its payment will not come (cancel it, give the basket back) belongs to checkout, which
imports payment. So checkout registers these callables at start-up (its ``AppConfig.ready``) and
payment calls them here: the arrow points one way, and an import-linter contract in
``pyproject.toml`` keeps payment from importing checkout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


class PaymentAmountMismatch(Exception):
    """A payment does not match the order total: it is not taken as payment of the order."""


@dataclass(frozen=True)
class OrderCallbacks:
    """The three things payment needs done to an order.

    - ``confirm_payment(order_number, *, amount, reference, provider) -> bool``: mark it paid, True
      only for the call that did it; raises ``PaymentAmountMismatch`` for a wrong amount.
    - ``cancel_unpaid_order(order_number, *, reason) -> bool``: the payment will not come.
    - ``recover_basket(request, order)``: after a cancelled payment, put the basket back in the
      shopper's browser.
    """

    confirm_payment: Callable[..., bool]
    cancel_unpaid_order: Callable[..., bool]
    recover_basket: Callable[..., None]


_registered: OrderCallbacks | None = None


def register(callbacks: OrderCallbacks) -> None:
    global _registered
    _registered = callbacks


def callbacks() -> OrderCallbacks:
    if _registered is None:
        raise ImproperlyConfigured("The checkout app registers its order callbacks when it starts.")
    return _registered
