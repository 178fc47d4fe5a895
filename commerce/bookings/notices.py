"""What people are told about bookings, through ``notify()``: requests, confirmations (with an
``.ics`` invitation attached to the email), proposals, changes, cancellations and reminders.

Each function is called by a service inside its transaction and sends after commit; the key is
the booking and its state, so a retried service tells once.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commerce.communication.utils import site_url
from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, WEBPUSH, Event, register

from . import invitations

REQUESTED = "bookings.requested"
CONFIRMED = "bookings.confirmed"
DECLINED = "bookings.declined"
PROPOSED = "bookings.proposed"
CHANGED = "bookings.changed"
CANCELLED = "bookings.cancelled"
REMINDER = "bookings.reminder"


def _confirmation_email(notification):
    """The default email of a confirmation, with the booking as an ``.ics`` invitation."""
    from . import ics
    from .models import Booking

    context = {
        "notification": notification,
        "context": notification.context,
        "recipient": notification.recipient,
        "site_url": site_url(),
        "shop_name": settings.OSCAR_SHOP_NAME,
        "language": notification.language,
    }
    subject = " ".join(render_to_string("notifications/email/default_subject.txt", context).split())
    text = render_to_string("notifications/email/default_body.txt", context)
    html = render_to_string("notifications/email/default_body.html", context)
    message = EmailMultiAlternatives(subject, text, to=[notification.address])
    message.attach_alternative(html, "text/html")
    booking = Booking.objects.filter(pk=notification.context.get("booking")).first()
    if booking is not None:
        message.attach("booking.ics", ics.export([booking]), "text/calendar; method=PUBLISH")
    return message


def _with_call_link(title, body):
    """A ``render`` giving the event's title and body, and for a video call the call page's
    absolute address and opening time (built in the recipient's language)."""

    def render(context):
        text = {"title": str(title) % context, "body": str(body) % context}
        if context.get("call"):
            line = invitations.call_line(context["call"], context["call_opens"])
            text["body"] = f"{text['body']}\n\n{line}"
        return text

    return render


def _call_event(**fields):
    """An event whose notices carry the call link (see ``_with_call_link``)."""
    return Event(**fields, render=_with_call_link(fields["title"], fields["body"]))


EVENTS = (
    Event(
        code=REQUESTED,
        label=_("New booking request"),
        title=_("%(client)s asks to book %(when)s"),
        body=_("Confirm, decline or propose other times in your calendar."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    ),
    _call_event(
        code=CONFIRMED,
        label=_("Booking confirmed"),
        title=_("Booking confirmed: %(when)s"),
        body=_("%(what)s with %(provider)s. Add it to your calendar with the attached invitation."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        email=_confirmation_email,
    ),
    Event(
        code=DECLINED,
        label=_("Booking declined"),
        title=_("%(provider)s cannot take your booking of %(when)s"),
        body=_("Your coins were given back. %(reason)s"),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    ),
    Event(
        code=PROPOSED,
        label=_("Other times proposed"),
        title=_("%(provider)s proposes other times"),
        body=_("Choose one of them in your bookings to confirm it."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    ),
    _call_event(
        code=CHANGED,
        label=_("Booking moved"),
        title=_("Booking moved to %(when)s"),
        body=_("%(what)s with %(provider)s."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    ),
    Event(
        code=CANCELLED,
        label=_("Booking cancelled"),
        title=_("Booking of %(when)s cancelled"),
        body=_("%(what)s with %(provider)s. %(reason)s"),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    ),
    _call_event(
        code=REMINDER,
        label=_("Booking reminder"),
        title=_("Reminder: %(what)s at %(when)s"),
        body=_("With %(provider)s."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
    ),
)


def register_events():
    for event in EVENTS:
        register(event)


def describe(booking):
    """What was booked, for people: "Video call (30 min)" or the service's title."""
    if booking.product_id:
        return booking.product.get_title()
    return _("Video call (%(minutes)d min)") % {"minutes": booking.minutes}


def provider_users(provider):
    if provider.expert_id:
        return [provider.expert.user]
    return list(provider.partner.users.all())


def _context(booking, **extra):
    zone = booking.provider.zone
    call = {}
    if invitations.has_call(booking):
        call = {"call": booking.pk, "call_opens": invitations.opens_label(booking)}
    return {
        "booking": booking.pk,
        **call,
        "when": f"{booking.start.astimezone(zone):%Y-%m-%d %H:%M} ({zone.key})",
        "what": str(describe(booking)),
        "provider": str(booking.provider),
        "client": booking.client.get_full_name() or booking.client.email,
        "reason": booking.cancel_reason,
        **extra,
    }


def _send(users, event, booking, key, url_name, **extra):
    context = _context(booking, url=reverse(url_name), **extra)
    for user in users:
        transaction.on_commit(
            lambda user=user: notify(user, event, context, key=f"booking-{booking.pk}:{key}"), robust=True
        )


def requested(booking):
    _send(provider_users(booking.provider), REQUESTED, booking, "requested", "bookings:provider")


def confirmed(booking):
    _send([booking.client], CONFIRMED, booking, f"confirmed:{booking.start.isoformat()}", "bookings:mine")


def declined(booking):
    _send([booking.client], DECLINED, booking, "declined", "bookings:mine")


def proposed(booking):
    _send([booking.client], PROPOSED, booking, f"proposed:{','.join(booking.proposals)}", "bookings:mine")


def changed(booking, *, by):
    others = [booking.client] if booking.provider.managed_by(by) else provider_users(booking.provider)
    _send(others, CHANGED, booking, f"moved:{booking.start.isoformat()}", "bookings:mine")


def cancelled(booking, *, by_provider):
    if by_provider:
        _send([booking.client], CANCELLED, booking, "cancelled", "bookings:mine")
    else:
        _send(provider_users(booking.provider), CANCELLED, booking, "cancelled", "bookings:provider")


def reminder(reminder):
    booking = reminder.booking
    key = f"reminder:{reminder.kind}:{booking.start.isoformat()}"
    _send([booking.client], REMINDER, booking, key, "bookings:mine")
    _send(provider_users(booking.provider), REMINDER, booking, key, "bookings:provider")
