"""Reads of the notification centre: a person's notifications by filter, their preference matrix."""

from . import channels, events
from .models import Notification
from .services import mode_for

#: The centre's filters: ``?show=`` value → what it keeps.
FILTERS = ("all", "unread", "archived")


def notifications_for(user, show="all", event=None):
    """``user``'s notifications, newest first: ``all`` (not archived), ``unread`` or ``archived``."""
    queryset = Notification.objects.filter(recipient=user)
    if show == "archived":
        queryset = queryset.filter(archived_at__isnull=False)
    else:
        queryset = queryset.filter(archived_at__isnull=True)
        if show == "unread":
            queryset = queryset.filter(read_at__isnull=True)
    if event:
        queryset = queryset.filter(event=event)
    return queryset.order_by("-created_at", "-pk")


def preference_matrix(user):
    """Rows of (event, [(channel, current mode, modes offered)]) for the preferences page."""
    columns = channels.channels_for(user)
    rows = []
    for event in events.events_for(user):
        cells = []
        for channel in columns:
            offered = (
                ["instant", "digest", "off"]
                if event.digestible and channel.name == events.EMAIL
                else ["instant", "off"]
            )
            cells.append((channel, mode_for(user, event, channel.name), offered))
        rows.append((event, cells))
    return columns, rows
