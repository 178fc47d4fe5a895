"""What a booking request can be refused for; each message is translated and shown as is."""

from django.utils.translation import gettext_lazy as _


class BookingError(Exception):
    """A booking refused with a message for the person who asked (nothing was written)."""

    message = _("This booking cannot be made.")

    def __init__(self, message=None):
        self.message = message or self.message
        super().__init__(str(self.message))


class SlotTaken(BookingError):
    """The slot was taken by someone else (the exclusion constraint said so); ``alternatives`` are
    the nearest free ``(start, end)`` slots."""

    message = _("This slot was just taken. Choose another one.")

    def __init__(self, alternatives=()):
        super().__init__()
        self.alternatives = list(alternatives)


class SlotUnavailable(BookingError):
    message = _("This time is not open for booking.")


class NotBookable(BookingError):
    message = _("This expert or service cannot be booked.")


class TooShort(BookingError):
    message = _("A call lasts at least %(minutes)d minutes.")

    def __init__(self, minutes):
        super().__init__(self.message % {"minutes": minutes})


class TooLateToMove(BookingError):
    """The client asked to move a booking inside the provider's late window."""

    message = _(
        "This booking can no longer be moved: it starts in less than %(hours)d hours. "
        "Cancel it instead, or ask the provider."
    )

    def __init__(self, hours):
        super().__init__(self.message % {"hours": hours})


class NotAllowed(BookingError):
    message = _("You cannot change this booking.")


class WrongStatus(BookingError):
    message = _("This booking can no longer be changed this way.")


class CalendarAddressRefused(BookingError):
    message = _("This calendar address cannot be imported.")
