from django.utils.translation import gettext as _


class InvalidStatusChange(Exception):
    """The pipeline does not allow this step (e.g. delivered → processing)."""

    def __init__(self, current, requested):
        from . import statuses

        self.current, self.requested = current, requested
        super().__init__(
            _("An order that is “%(current)s” cannot become “%(requested)s”.")
            % {"current": statuses.label(current), "requested": statuses.label(requested)}
        )
