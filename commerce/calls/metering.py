"""The meter, as pure functions of the stored heartbeats (no database, no clock).

A participant is *present* between two of their heartbeats at most ``max_gap`` seconds apart; a
longer gap (a dropped connection) is absence. Minutes count only while both are present: the
billed time is the length of the intersection of the two presence timelines. Because it is
recomputed from the rows each time, a restarted server resumes the meter exactly where it was.
"""

import math
from dataclasses import dataclass


def presence(times, max_gap):
    """``[(start, end), …]``: the spans covered by heartbeats ``times`` (sorted or not)."""
    spans = []
    for moment in sorted(times):
        if spans and (moment - spans[-1][1]).total_seconds() <= max_gap:
            spans[-1][1] = moment
        else:
            spans.append([moment, moment])
    return [(start, end) for start, end in spans]


def together(first, second):
    """Seconds both timelines of spans overlap."""
    total = 0.0
    i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if end > start:
            total += (end - start).total_seconds()
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return total


@dataclass(frozen=True)
class Reading:
    """What the meter shows: seconds both were connected, and the minutes billed for them."""

    seconds: float
    #: Both were connected at once at least for a moment: the minimum is due from then on.
    started: bool
    #: Minutes the call costs now: every started minute, at least the minimum once started,
    #: never more than the minutes paid for (``limit``).
    minutes: int


def read(client_times, expert_times, *, max_gap, minimum, limit):
    """The meter for the heartbeats of both sides (see the module docstring)."""
    seconds = together(presence(client_times, max_gap), presence(expert_times, max_gap))
    started = seconds > 0
    used = math.ceil(seconds / 60) if started else 0
    minutes = min(max(used, minimum), limit) if started else 0
    return Reading(seconds=seconds, started=started, minutes=minutes)
