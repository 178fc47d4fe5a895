"""Who may see a thread: one rule for the pages, the API, attachments and the socket.

- a participant (the client who opened it, an expert later);
- a seller thread: the users of its shop;
- a support thread: support staff (Support role, platform admins, superusers);
- a guest's support thread: the browser session that opened it.

Anyone else is told the thread does not exist (404 / socket closed), so ids cannot be probed.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from commerce.users.roles import PLATFORM_ADMINS, SUPPORT

from .models import Participant, Thread

#: Session key holding the ids of the threads a guest opened.
GUEST_SESSION_KEY = "messaging_threads"


def is_support_staff(user):
    if not user or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=(SUPPORT, PLATFORM_ADMINS)).exists()


def support_staff():
    """Active support agents and platform admins (those who answer support threads)."""
    staff = Q(groups__name__in=(SUPPORT, PLATFORM_ADMINS)) | Q(is_superuser=True)
    return get_user_model().objects.filter(staff, is_active=True).distinct().order_by("pk")


def guest_thread_ids(session):
    if session is None:
        return []
    return [int(pk) for pk in session.get(GUEST_SESSION_KEY, []) if str(pk).isdigit()]


def remember_guest_thread(session, thread):
    ids = guest_thread_ids(session)
    if thread.pk not in ids:
        session[GUEST_SESSION_KEY] = [*ids, thread.pk][-20:]


def visible_threads(user, session=None):
    """Threads ``user`` (or the guest holding ``session``) may read."""
    rule = Q(pk__in=guest_thread_ids(session), kind=Thread.SUPPORT) & ~Q(guest_email="")
    if user is not None and user.is_authenticated:
        rule |= Q(participants__user=user) | Q(kind=Thread.SELLER, partner__users=user)
        if is_support_staff(user):
            rule |= Q(kind=Thread.SUPPORT)
    return Thread.objects.filter(rule).distinct()


def visible_thread(user, pk, session=None):
    """The thread, or ``None`` if it does not exist or is not ``user``'s to see."""
    return visible_threads(user, session).filter(pk=pk).first()


def role_in(thread, user):
    """How ``user`` takes part in ``thread`` (``client`` for a guest)."""
    if user is None or not user.is_authenticated:
        return Participant.CLIENT
    own = thread.participants.filter(user=user).values_list("role", flat=True).first()
    if own:
        return own
    if thread.kind == Thread.SELLER and thread.partner.users.filter(pk=user.pk).exists():
        return Participant.SELLER
    if thread.kind == Thread.SUPPORT and is_support_staff(user):
        return Participant.SUPPORT
    return Participant.CLIENT


def is_staff_side(role):
    return role in (Participant.SELLER, Participant.SUPPORT, Participant.EXPERT)
