"""Monthly series other apps add to the expert's earnings charts.

The earnings page charts what the ledger knows (consultations and revenue per month); figures the
ledger does not hold, such as how fast the expert answers or how clients rate them, belong to the
apps that keep them. Those apps register a series here from their ``AppConfig.ready`` so payouts
never imports them: ``register(key, title, monthly, maximum=None)`` with
``monthly(user, since) -> {first day of a month: Point}`` answering in ONE grouped query.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    """One month of a series: ``value`` sizes the bar, ``label`` (localised) is what people read."""

    value: float
    label: str


@dataclass(frozen=True)
class Series:
    key: str
    title: str
    monthly: Callable
    #: The value of a full bar (5 for a rating out of 5); ``None``: the largest month's.
    maximum: float | None = None


_series = {}


def register(key, title, monthly, *, maximum=None):
    """Add (or replace, by ``key``) a monthly series shown on every expert's earnings page."""
    _series[key] = Series(key, title, monthly, maximum)


def registered():
    return list(_series.values())
