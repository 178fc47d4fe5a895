"""Signals for calendar changes that bookings writes in bulk, where no per-row model signal fires.

Apps that derive data from a provider's calendar (search indexes each expert's next free slot)
connect to them instead of reading bookings' internals.
"""

from django.dispatch import Signal

#: Sent with ``provider`` after its weekly hours were replaced (inside the caller's transaction).
hours_changed = Signal()
