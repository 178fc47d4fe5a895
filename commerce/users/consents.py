"""WhatsApp consent: given explicitly (an unticked box, at checkout or in the account), recorded with
its wording and date, revocable at any time.

``CONSENT_WORDING`` is what the box says; the text a person saw, in their language, is stored with
their consent. Giving the same number again keeps the current consent; another number replaces it
(the old one revoked), so a person has at most one current consent (a database constraint too).
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import User, WhatsAppConsent

CONSENT_WORDING = _(
    "I agree to receive messages from %(site)s on WhatsApp at this number (order follow-up, news and "
    "offers). I can withdraw my consent at any time from my account."
)


#: What the box says to a guest, who has no account: they withdraw from their order's signed page.
GUEST_CONSENT_WORDING = _(
    "I agree to receive messages from %(site)s on WhatsApp at this number (order follow-up, news and "
    "offers). I can withdraw my consent at any time from my order's page (the link in my confirmation "
    "email)."
)


def consent_wording(*, guest=False):
    """The consent text in the active language, as the box shows it (to a guest or to a user)."""
    return str(GUEST_CONSENT_WORDING if guest else CONSENT_WORDING) % {"site": settings.SITE_NAME}


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


def give_guest_whatsapp_consent(email, number, *, first_name="", last_name=""):
    """Record a guest's consent at checkout (no account: their email stands for them); returns the
    current consent. Same rules as a user's; two submits at once record one (the unique index on the
    guest's current consent: the second insert finds the first)."""
    current_of_guest = WhatsAppConsent.objects.filter(
        user=None, guest_email__iexact=email, revoked_at__isnull=True
    )
    try:
        with transaction.atomic():
            current = current_of_guest.select_for_update().first()
            if current is not None and current.number == number:
                return current
            if current is not None:
                current.revoked_at = timezone.now()
                current.save(update_fields=["revoked_at"])
            return WhatsAppConsent.objects.create(
                guest_email=email,
                guest_first_name=first_name,
                guest_last_name=last_name,
                number=number,
                wording=consent_wording(guest=True),
                language=get_language() or settings.LANGUAGE_CODE,
                source=WhatsAppConsent.CHECKOUT,
            )
    except IntegrityError:
        return current_of_guest.get()


def current_guest_consent(email):
    """The guest's current consent given with ``email``, or ``None``."""
    if not email:
        return None
    return WhatsAppConsent.objects.filter(
        user=None, guest_email__iexact=email, revoked_at__isnull=True
    ).first()


def revoke_guest_whatsapp_consent(email):
    """Withdraw the current consent a guest gave with ``email`` (if any); True when one was withdrawn."""
    return bool(
        WhatsAppConsent.objects.filter(user=None, guest_email__iexact=email, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )


@transaction.atomic
def revoke_whatsapp_consent(user):
    """Withdraw ``user``'s current consent (if any); True when one was withdrawn."""
    return bool(
        WhatsAppConsent.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    )
