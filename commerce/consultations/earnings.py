"""Coins held for an expert's unanswered paid messages are that expert's pending earnings
(``payouts.pending``): a hold names its earner only once captured, and only the message knows whose
answer it pays for."""

from django.db.models import Q

from commerce.payouts import pending


def held_for_paid_messages(user):
    return Q(paid_message__expert__user=user)


def register_pending_earnings():
    pending.register(held_for_paid_messages)
