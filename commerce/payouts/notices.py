"""What an expert is told about their payout requests, through ``notify()`` after commit.

Each step of a request is told once (the key is the request and the step).
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, WEBPUSH, Event, register

REQUESTED = "payouts.requested"
APPROVED = "payouts.approved"
REJECTED = "payouts.rejected"
PAID = "payouts.paid"


def is_expert(user):
    return hasattr(user, "expert_profile")


EVENTS = (
    Event(
        code=REQUESTED,
        label=_("Payout requested"),
        title=_("Your payout request of %(amount)s TND is received"),
        body=_("The platform's team will review it shortly."),
        channels={EMAIL: INSTANT},
        audience=is_expert,
    ),
    Event(
        code=APPROVED,
        label=_("Payout approved"),
        title=_("Your payout of %(amount)s TND is approved"),
        body=_("The bank transfer will be made in the next batch."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        audience=is_expert,
    ),
    Event(
        code=REJECTED,
        label=_("Payout rejected"),
        title=_("Your payout request of %(amount)s TND was rejected"),
        body=_("Reason: %(reason)s"),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        audience=is_expert,
        configurable=False,
    ),
    Event(
        code=PAID,
        label=_("Payout paid"),
        title=_("Your payout of %(amount)s TND is paid"),
        body=_("%(net)s TND were transferred to your bank account."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        audience=is_expert,
        configurable=False,
    ),
)


def register_events():
    for event in EVENTS:
        register(event)


def tnd(millimes):
    return f"{millimes / 1000:.3f}"


def tell(request, event, **context):
    """Notify the request's expert after commit, once per request and step."""
    user = request.expert
    context = {"url": reverse("payouts:earnings"), "amount": tnd(request.millimes), **context}

    transaction.on_commit(lambda: notify(user, event, context, key=f"payout-{request.pk}-{event}"))
