"""Why a subscription request is refused; each carries a translated message for the customer."""

from django.utils.translation import gettext_lazy as _


class SubscriptionError(Exception):
    default_message = _("This subscription request could not be completed.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class NotASubscriptionProduct(SubscriptionError):
    default_message = _("This product cannot be subscribed to.")


class PlanArchived(SubscriptionError):
    default_message = _("This plan no longer takes new subscribers.")


class AlreadySubscribed(SubscriptionError):
    default_message = _("You already have an active subscription to this plan.")


class NotAllowedNow(SubscriptionError):
    default_message = _("This subscription can no longer be changed.")


class InvalidPeriods(SubscriptionError):
    default_message = _("Pause for 1 to 12 periods.")


class PlanNotSwitchable(SubscriptionError):
    default_message = _("You can only switch to another plan of the same shop.")


class BillingUnavailable(SubscriptionError):
    default_message = _("The payment service is unavailable. Please try again in a moment.")
