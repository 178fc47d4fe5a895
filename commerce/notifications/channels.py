"""The registry of delivery channels beside the in-app centre: email, web push, and any an app adds.

A channel is a name, a label for the preferences page, ``send(notification)`` and
``available(user)`` (who can use it: web push needs a subscribed browser, Telegram is for admins
with a chat). Another app adds one from its own ``AppConfig.ready``::

    from commerce.notifications.channels import register_channel

    register_channel("telegram", send_telegram, label=_("Telegram"), available=is_admin_on_duty)

``send`` runs in a Celery task after commit, once per (notification, channel): the task records
each delivery under the notification's row lock, so a task delivered twice sends once; ``send``
raising leaves the channel unrecorded and the task is retried. It receives the stored
``Notification`` (``recipient``, ``event``, ``title``, ``body``, ``absolute_url``, ``context``,
``language``). Whether a channel is used for an event is the recipient's preference, defaulting to
the event's registration (``Event.channels``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Channel:
    """One way out of the platform; see the module docstring."""

    name: str
    send: Callable
    label: Any = ""
    available: Callable | None = None

    def is_available(self, user):
        return self.available is None or (user is not None and bool(self.available(user)))


_channels: dict[str, Channel] = {}


def register_channel(name, send, *, label="", available=None):
    """Add (or replace) the channel ``name`` whose ``send(notification)`` delivers one notification."""
    channel = Channel(name=name, send=send, label=label or name, available=available)
    _channels[name] = channel
    return channel


def get_channel(name):
    return _channels.get(name)


def all_channels():
    return list(_channels.values())


def channels_for(user):
    """The channels this person can receive on (the preferences page's columns)."""
    return [channel for channel in _channels.values() if channel.is_available(user)]
