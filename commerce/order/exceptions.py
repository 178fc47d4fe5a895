from django.utils.translation import gettext as _

from . import statuses


class InvalidStatusChange(Exception):
    """The pipeline does not allow this step (e.g. delivered → processing)."""

    def __init__(self, current, requested):
        self.current, self.requested = current, requested
        super().__init__(
            _("An order that is “%(current)s” cannot become “%(requested)s”.")
            % {"current": statuses.label(current), "requested": statuses.label(requested)}
        )


class PaidCancellation(InvalidStatusChange):
    """A paid order or line is not just marked cancelled: it is refunded (commerce/order/cancellation.py)."""

    def __init__(self, current):
        self.current, self.requested = current, statuses.CANCELLED
        Exception.__init__(self, _("A paid order or line is cancelled by refunding it."))
