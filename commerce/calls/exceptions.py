from django.utils.translation import gettext_lazy as _


class CallRefused(Exception):
    """A call action that is not allowed now; ``str()`` is a translated message for the person."""

    default = _("This call action is not possible.")

    def __init__(self, message=None):
        super().__init__(str(message or self.default))


class NotParticipant(CallRefused):
    default = _("Only the client and the expert of this booking may join its call.")


class NotOpenYet(CallRefused):
    default = _("The call is not open yet.")


class CallEnded(CallRefused):
    default = _("This call has ended.")


class RecordingNotAgreed(CallRefused):
    default = _("A recording needs the agreement of both participants.")


class CannotExtend(CallRefused):
    default = _("Not enough coins to extend the call.")
