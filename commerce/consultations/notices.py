"""What people are told about paid messages, through ``commerce.notifications.notify`` (in-app at
once over the WebSocket, then email and web push by their preferences).

- ``consultations.message_received``: the expert, a new question (with the time to answer);
- ``consultations.message_answered`` / ``consultations.message_declined``: the client;
- ``consultations.message_expired``: the client (coins back) and ``consultations.message_lapsed``:
  the expert (the question is gone).

Each is sent after commit by the service that made the change, keyed by the message, so a retried
task tells nobody twice.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, WEBPUSH, Event, register

RECEIVED = "consultations.message_received"
ANSWERED = "consultations.message_answered"
DECLINED = "consultations.message_declined"
EXPIRED = "consultations.message_expired"
LAPSED = "consultations.message_lapsed"
#: Characters of the question quoted in a notice.
GIST_LENGTH = 140


def is_expert(user):
    return hasattr(user, "expert_profile")


EVENTS = (
    Event(
        code=RECEIVED,
        label=_("A client sends you a paid question"),
        title=_("New question from %(client)s"),
        body=_("%(gist)s — answer within %(hours)s hours to earn %(coins)s coins."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        audience=is_expert,
    ),
    Event(
        code=ANSWERED,
        label=_("An expert answers your question"),
        title=_("%(expert)s answered your question"),
        body=_("%(gist)s"),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    ),
    Event(
        code=DECLINED,
        label=_("An expert declines your question"),
        title=_("%(expert)s declined your question"),
        body=_("Your %(coins)s coins are back in your wallet."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    ),
    Event(
        code=EXPIRED,
        label=_("A question was not answered in time"),
        title=_("%(expert)s did not answer in time"),
        body=_("Your %(coins)s coins are back in your wallet."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    ),
    Event(
        code=LAPSED,
        label=_("A question you did not answer in time"),
        title=_("A question from %(client)s expired"),
        body=_("The deadline passed; the client got their coins back."),
        channels={EMAIL: INSTANT},
        audience=is_expert,
    ),
)


def register_events():
    for event in EVENTS:
        register(event)


def _context(message):
    return {
        "message": message.pk,
        "client": message.client_name,
        "expert": message.expert.full_name,
        "gist": (message.answer_text or message.body)[:GIST_LENGTH],
        "coins": message.price_coins,
    }


def _tell(user, event, message, url_name, **extra):
    context = {**_context(message), "url": reverse(url_name), **extra}
    transaction.on_commit(lambda: notify(user, event, context, key=f"paid-message-{message.pk}"))


def sent(message):
    _tell(
        message.expert.user,
        RECEIVED,
        message,
        "consultations-expert:inbox",
        hours=settings.CONSULTATIONS_REPLY_HOURS,
    )


def answered(message):
    _tell(message.client, ANSWERED, message, "consultations:mine")


def declined(message):
    _tell(message.client, DECLINED, message, "consultations:mine")


def expired(message):
    _tell(message.client, EXPIRED, message, "consultations:mine")
    _tell(message.expert.user, LAPSED, message, "consultations-expert:inbox")
