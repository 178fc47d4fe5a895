"""WhatsApp consent: given explicitly (an unticked box, at checkout or in the account), recorded with
its wording and date, revocable at any time.

``CONSENT_WORDING`` is what the box says; the text a person saw, in their language, is stored with
their consent. Giving the same number again keeps the current consent; another number replaces it
(the old one revoked), so a person has at most one current consent (a database constraint too).
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import User, WhatsAppConsent

CONSENT_WORDING = _(
    "I agree to receive messages from %(site)s on WhatsApp at this number (order follow-up, news and "
    "offers). I can withdraw my consent at any time from my account."
)


def consent_wording():
    """The consent text in the active language, as the box shows it."""
    return str(CONSENT_WORDING) % {"site": settings.SITE_NAME}


def wa_me_link():
    """``https://wa.me/<digits>``: the shop's WhatsApp Business number, or ``""`` when none is set."""
    digits = "".join(c for c in settings.NOTIFICATIONS_WHATSAPP_BUSINESS_NUMBER if c.isdigit())
    return f"https://wa.me/{digits}" if digits else ""


@transaction.atomic
def give_whatsapp_consent(user, number, *, source):
    """Record ``user``'s consent to WhatsApp messages at ``number`` (a ``PhoneNumber``) with the wording
    shown now; returns the current consent. The user's row is locked: two submits record one."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    current = WhatsAppConsent.objects.filter(user=user, revoked_at__isnull=True).first()
    if current is not None and current.number == number:
        return current
    if current is not None:
        current.revoked_at = timezone.now()
        current.save(update_fields=["revoked_at"])
    return WhatsAppConsent.objects.create(
        user=user,
        number=number,
        wording=consent_wording(),
        language=get_language() or settings.LANGUAGE_CODE,
        source=source,
    )


@transaction.atomic
def revoke_whatsapp_consent(user):
    """Withdraw ``user``'s current consent (if any); True when one was withdrawn."""
    return bool(
        WhatsAppConsent.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    )
