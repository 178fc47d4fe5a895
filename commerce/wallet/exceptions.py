"""Why a wallet operation was refused; ``str()`` of each is a translated message for the person who
asked (a shopper, an admin). Nothing was written when one is raised."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class WalletError(Exception):
    default_message = _("This coin operation could not be made.")

    def __init__(self, message=None):
        super().__init__(str(message or self.default_message))


class InvalidCoins(WalletError):
    default_message = _("The number of coins must be a whole number greater than zero.")


class InsufficientCoins(WalletError):
    """The wallet holds fewer coins than the operation takes; ``available`` says how many it holds."""

    def __init__(self, needed, available):
        self.needed = needed
        self.available = available
        super().__init__(
            ngettext(
                "Not enough coins: %(needed)d needed, your wallet holds %(available)d coin.",
                "Not enough coins: %(needed)d needed, your wallet holds %(available)d coins.",
                available,
            )
            % {"needed": needed, "available": available}
        )


class InsufficientEarnings(WalletError):
    """A payout larger than the earner's earnings; amounts in millimes."""

    def __init__(self, needed, available):
        self.needed = needed
        self.available = available
        super().__init__(
            _("Cannot pay out %(needed)s TND: the earnings hold %(available)s TND.")
            % {"needed": f"{needed / 1000:.3f}", "available": f"{available / 1000:.3f}"}
        )


class InvalidAmount(WalletError):
    default_message = _("The amount must be a whole number of millimes greater than zero.")


class HoldNotPending(WalletError):
    """The hold was already resolved (captured, voided or expired): it resolves once."""

    def __init__(self, hold):
        self.hold = hold
        super().__init__(
            _("These coins are no longer on hold (%(status)s).") % {"status": hold.get_status_display()}
        )


class CaptureTooLarge(WalletError):
    def __init__(self, coins, held):
        super().__init__(
            _("Cannot spend %(coins)d coins from a hold of %(held)d.") % {"coins": coins, "held": held}
        )


class UnknownSource(WalletError):
    default_message = _("Coins can only come from a coin purchase or a goodwill grant.")


class ReasonRequired(WalletError):
    default_message = _("Say why these coins are granted.")


class KeyReused(WalletError):
    """An idempotency key already names a different operation (a programming error upstream)."""

    default_message = _("This operation key was already used for another coin operation.")
