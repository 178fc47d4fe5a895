"""Why a checkout or a payment confirmation was refused; each message is meant for the shopper."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class CheckoutError(Exception):
    default_message = _("Your order could not be placed.")

    def __init__(self, message=None):
        super().__init__(str(message or self.default_message))


class EmptyBasket(CheckoutError):
    default_message = _("Your basket is empty.")


class BasketAlreadySubmitted(CheckoutError):
    default_message = _("This basket has already been ordered; see your orders.")


class CashOnDeliveryNotAvailable(CheckoutError):
    default_message = _("Cash on delivery is only available when every item is shipped to you.")


class AccountRequired(CheckoutError):
    """The basket holds coin packs (or other products delivered to an account) and nobody is
    signed in; the message carries the sign-in link."""

    def __init__(self, message=None):
        if message is None:
            message = _(
                "Coins are credited to your account's wallet: "
                "sign in or create an account to buy them (%(url)s)."
            ) % {"url": reverse("account_login")}
        super().__init__(message)


class LineRefused(CheckoutError):
    """A line's product class refuses it as it is (``commerce.fulfilment`` checks: a service
    without its held slot); the message says what to do."""


class AddressRequired(CheckoutError):
    default_message = _("A delivery address is needed for the items to ship.")


class OutOfStock(CheckoutError):
    """Wraps commerce.partner.exceptions.InsufficientStock with its shopper-facing message."""


class OrderNotPayable(Exception):
    """A payment arrived for an order that can no longer be paid (cancelled)."""
