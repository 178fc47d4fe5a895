"""Calendar arithmetic of billing periods, as Stripe counts them (months keep their day, clamped)."""

import calendar
from datetime import timedelta

from .models import Plan


def shift(moment, interval: str, periods: int):
    """``moment`` moved by ``periods`` billing intervals of a plan (``Plan.interval``)."""
    unit, count = Plan.STRIPE_INTERVALS[interval]
    if unit == "week":
        return moment + timedelta(weeks=count * periods)
    months = count * periods * (12 if unit == "year" else 1)
    year, month = divmod(moment.month - 1 + months, 12)
    year, month = moment.year + year, month + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))
