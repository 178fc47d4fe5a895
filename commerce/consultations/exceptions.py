"""Why a consultation operation was refused; ``str()`` is a translated message for the person who
asked. Nothing was written when one is raised."""

from django.utils.translation import gettext_lazy as _


class ConsultationError(Exception):
    default_message = _("This consultation could not be changed.")

    def __init__(self, message=None):
        super().__init__(str(message or self.default_message))


class NotEnoughCoins(ConsultationError):
    """The client's wallet cannot pay the expert's price; nothing was held, no message was kept."""

    def __init__(self, needed, available):
        self.needed = needed
        self.available = available
        super().__init__(
            _(
                "This message costs %(needed)d coins and your wallet holds %(available)d. "
                "Buy coins to send it."
            )
            % {"needed": needed, "available": available}
        )


class ServiceNotOffered(ConsultationError):
    default_message = _("This expert does not answer this kind of message.")


class InvalidMessage(ConsultationError):
    default_message = _("Write your question.")


class AlreadyResolved(ConsultationError):
    """The message was answered, declined or expired already (it resolves once)."""

    default_message = _("This message is no longer waiting for an answer.")


class RatingRefused(ConsultationError):
    default_message = _("This answer cannot be rated.")
