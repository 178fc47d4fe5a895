"""What an expert is told about their application, through ``notify()`` (in-app and email).

The event types are registered when the app is ready (``ExpertsConfig.ready``); ``tell`` is called by
the services and sends after commit, once per decision (the key is the decision's cause).
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, WEBPUSH, Event, register

APPROVED = "experts.application_approved"
REJECTED = "experts.application_rejected"
CHANGES_REQUESTED = "experts.changes_requested"
PAYOUT_APPROVED = "experts.payout_details_approved"


def is_expert(user):
    return hasattr(user, "expert_profile")


EVENTS = (
    Event(
        code=APPROVED,
        label=_("Expert application approved"),
        title=_("Your expert profile is approved"),
        body=_("Clients can now find you in the experts directory."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        audience=is_expert,
        configurable=False,
    ),
    Event(
        code=REJECTED,
        label=_("Expert application rejected"),
        title=_("Your expert application was not accepted"),
        body=_("Reason: %(reason)s"),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        audience=is_expert,
        configurable=False,
    ),
    Event(
        code=CHANGES_REQUESTED,
        label=_("Changes asked on an expert application"),
        title=_("Your expert application needs changes"),
        body=_("What to change: %(reason)s"),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        audience=is_expert,
        configurable=False,
    ),
    Event(
        code=PAYOUT_APPROVED,
        label=_("Payout details approved"),
        title=_("Your new payout details are approved"),
        body=_("Your earnings will be paid to the new account."),
        channels={EMAIL: INSTANT},
        audience=is_expert,
        configurable=False,
    ),
)


def register_events():
    for event in EVENTS:
        register(event)


def tell(profile, event, **context):
    """Notify the expert after commit; the latest decision keys it, so a retry tells once."""
    decision = profile.decisions.order_by("-pk").values_list("pk", flat=True).first()
    user = profile.user

    def send():
        notify(user, event, {"url": reverse("expert-space:home"), **context}, key=f"decision-{decision}")

    transaction.on_commit(send)
