"""The event types this app tells people about, registered in the notifications registry (imported
by ``MessagingConfig.ready``). ``notices.py`` sends them."""

from django.utils.translation import gettext_lazy as _

from commerce.notifications.events import DIGEST, EMAIL, INSTANT, WEBPUSH, Event, register
from commerce.notifications.phones.channels import TELEGRAM, WHATSAPP

from .access import is_support_staff

THREAD_OPENED = "messaging.thread_opened"
NEW_MESSAGE = "messaging.new_message"


def answers_conversations(user):
    """Support staff (support threads) and shop users (their shop's threads)."""
    return is_support_staff(user) or user.partners.exists()


register(
    Event(
        code=THREAD_OPENED,
        label=_("A client opens a conversation"),
        title=_("New conversation from %(client)s"),
        body=_("%(gist)s"),
        # The phones reach only the admin on duty (their channels say so): seed 004 wants them
        # told of a new conversation at once, without first turning it on.
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT, TELEGRAM: INSTANT, WHATSAPP: INSTANT},
        audience=answers_conversations,
    )
)
register(
    Event(
        code=NEW_MESSAGE,
        label=_("New message in a conversation"),
        title=_("New message from %(sender)s"),
        body=_("%(gist)s"),
        channels={EMAIL: DIGEST, WEBPUSH: INSTANT},
        digestible=True,
    )
)
