"""Coins held for an expert's booked calls are that expert's pending earnings (``payouts.pending``):
a hold names its earner only once captured, and only a booking knows whose call it pays for."""

from django.db.models import Q

from commerce.payouts import pending


def held_for_expert_calls(user):
    return Q(booking__provider__expert__user=user)


def register_pending_earnings():
    pending.register(held_for_expert_calls)
