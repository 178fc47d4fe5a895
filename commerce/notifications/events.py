"""The registry of event types: what can be told to a person, and how by default.

Domain apps register their events from their own module (their ``AppConfig.ready`` or a module it
imports); this app never imports them::

    from commerce.notifications.events import Event, register, EMAIL, WEBPUSH, INSTANT, DIGEST, OFF

    register(
        Event(
            code="wallet.low_balance",
            label=_("Low coin balance"),
            title=_("Your balance is down to %(coins)s coins"),
            body=_("Top up your wallet to keep booking."),
            channels={EMAIL: DIGEST, WEBPUSH: OFF},
            digestible=True,
        )
    )

``title`` and ``body`` are lazy translations interpolated with the ``context`` given to
``notify()`` (``%(name)s``), rendered in the recipient's language; ``render`` replaces them when a
text needs more than interpolation. ``context["url"]`` (a path or an absolute URL) is where the
notification leads. ``email_template`` names templates
``notifications/email/<name>_{subject.txt,body.txt,body.html}`` (``default`` otherwise), and
``email`` replaces the whole email when an app already owns its rendering (order emails through
Oscar's communication event types). ``audience`` limits who may receive the event (admins only,
sellers …): ``notify()`` refuses any other recipient.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Built-in channels beside the in-app centre (always on: it is the record of what was told).
EMAIL = "email"
WEBPUSH = "webpush"

#: What a person chose for one event type on one channel.
INSTANT = "instant"
DIGEST = "digest"
OFF = "off"
MODES = (INSTANT, DIGEST, OFF)


@dataclass(frozen=True)
class Event:
    """One kind of notice; see the module docstring for how apps use it."""

    code: str
    label: Any
    title: Any = ""
    body: Any = ""
    #: Default mode per channel; a channel not listed is off by default.
    channels: dict = field(default_factory=lambda: {EMAIL: INSTANT})
    #: Whether email may be gathered into the periodic digest (noisy events).
    digestible: bool = False
    #: ``audience(user) -> bool``: who may receive it; ``None`` is anyone.
    audience: Callable | None = None
    #: ``render(context) -> {"title", "body"[, "url"]}``, called in the recipient's language.
    render: Callable | None = None
    email_template: str = "default"
    #: ``email(notification) -> EmailMessage`` (or ``None`` to send nothing) replacing the templates.
    email: Callable | None = None
    #: Whether people may change its channels on the preferences page (an order email may not).
    configurable: bool = True

    def default_mode(self, channel):
        return self.channels.get(channel, OFF)

    def allows(self, user):
        return self.audience is None or (user is not None and bool(self.audience(user)))


_events: dict[str, Event] = {}


class UnknownEvent(LookupError):
    """``notify()`` was given an event code nobody registered."""


def register(event):
    """Add an event type (registering the same code again replaces it: registries may load twice)."""
    _events[event.code] = event
    return event


def get(code):
    try:
        return _events[code]
    except KeyError:
        raise UnknownEvent(code) from None


def all_events():
    return sorted(_events.values(), key=lambda event: event.code)


def events_for(user):
    """The event types this person may receive and configure (the preferences page's rows)."""
    return [event for event in all_events() if event.configurable and event.allows(user)]
