"""Why a fulfilment step refused to take back what it delivered; ``str()`` is shown to the admin."""

from django.utils.translation import gettext_lazy as _


class RevokeRefused(Exception):
    """A step cannot take back (all of) what a line delivered, so the refund is not made."""

    default_message = _("What this order line delivered cannot be taken back.")

    def __init__(self, message=None):
        super().__init__(str(message or self.default_message))


class AccountRequired(Exception):
    """The basket holds products that are delivered to an account: the shopper must sign in."""
