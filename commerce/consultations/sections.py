"""The sections of a client's "my consultations" page: paid messages here; bookings and calls add
theirs from their own apps (``register`` in their ``AppConfig.ready``), so this app never imports
them.

    from commerce.consultations import sections
    sections.register("bookings", _("Calls"), "bookings/consultations_section.html", upcoming_for, order=20)

``items(user)`` returns what the template lists (it gets ``items`` and ``section``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str
    title: Any
    template: str
    items: Callable
    order: int = 50


_sections: dict[str, Section] = {}


def register(key, title, template, items, *, order=50):
    """Add (or replace: registries may load twice) a section of the consultations page."""
    _sections[key] = Section(key=key, title=title, template=template, items=items, order=order)


def all_sections():
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def for_user(user):
    """``[(section, items)]`` for the page, in order."""
    return [(section, section.items(user)) for section in all_sections()]


def register_paid_messages():
    from .selectors import messages_of_client

    register(
        "messages",
        _("Messages to experts"),
        "consultations/sections/messages.html",
        messages_of_client,
        order=10,
    )
